import type { Role } from '@prisma/client';
import { ForbiddenError } from '@claimdesk/database';
import type { Principal } from './principal';

/**
 * The permission table: which roles may attempt each action. Ownership rules on top of it (a
 * reviewer acts only on their own assignments, an approver is never the verdict's author) are
 * checked by the service that owns the action, because they need the row.
 */
export const PERMISSIONS = {
  'article.ingest': ['ADMIN', 'EDITOR'],
  'article.read': ['ADMIN', 'EDITOR', 'REVIEWER', 'VIEWER'],
  'assignment.respond': ['REVIEWER'],
  'verdict.submit': ['REVIEWER'],
  'verdict.decide': ['ADMIN', 'EDITOR'],
  'person.manage': ['ADMIN'],
  'person.read': ['ADMIN', 'EDITOR'],
  // Everyone keeps their own availability (out of office) and declared conflicts; capacity only
  // within the bound an admin set (checked by PeopleService).
  'person.self': ['ADMIN', 'EDITOR', 'REVIEWER', 'VIEWER'],
  'claim.read': ['ADMIN', 'EDITOR', 'REVIEWER', 'VIEWER'],
  // Editor overrides of the router: promote, dismiss, restore, set priority / assign, reassign, unassign.
  'claim.triage': ['ADMIN', 'EDITOR'],
  'claim.assign': ['ADMIN', 'EDITOR'],
  'jobs.manage': ['ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Principal, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

export function authorize(actor: Principal, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new ForbiddenError(`${actor.role} may not ${permission}`, { permission, role: actor.role });
  }
}
