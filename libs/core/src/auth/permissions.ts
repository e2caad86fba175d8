import type { Role } from '@prisma/client';
import { ForbiddenError } from '@claimdesk/database';
import type { Principal } from './principal';

/**
 * The permission table: which roles may attempt each action. Every service method that acts for a
 * caller starts with `authorize(actor, <action>)`; the ownership rules below (OWNERSHIP) sit on top
 * and are checked by the service that owns the row, because they need it. README.md publishes both;
 * test/access/route-permissions.ts names the action of every REST route and GraphQL operation.
 */
export const PERMISSIONS = {
  'article.ingest': ['ADMIN', 'EDITOR'],
  'article.read': ['ADMIN', 'EDITOR', 'REVIEWER', 'VIEWER'],
  'assignment.respond': ['REVIEWER'],
  'verdict.submit': ['REVIEWER'],
  'verdict.decide': ['ADMIN', 'EDITOR'],
  // Verdicts not yet approved (SUBMITTED, RETURNED): editors and admins; see OWNERSHIP for reviewers.
  'verdict.readUnpublished': ['ADMIN', 'EDITOR'],
  'person.manage': ['ADMIN'],
  'person.read': ['ADMIN', 'EDITOR'],
  // Everyone's own: their profile, their inbox, their tokens, their availability (out of office) and
  // declared conflicts; capacity only within the bound an admin set (checked by PeopleService).
  'person.self': ['ADMIN', 'EDITOR', 'REVIEWER', 'VIEWER'],
  'claim.read': ['ADMIN', 'EDITOR', 'REVIEWER', 'VIEWER'],
  // Editor overrides of the router: promote, dismiss, restore, set priority / assign, reassign, unassign.
  'claim.triage': ['ADMIN', 'EDITOR'],
  'claim.assign': ['ADMIN', 'EDITOR'],
  // Adding partners' ClaimReviews to the fact-check library that new claims are matched against.
  'factCheck.import': ['ADMIN', 'EDITOR'],
  'jobs.manage': ['ADMIN'],
  'webhook.manage': ['ADMIN'],
  // Prometheus scrapes of the API's and the worker's /metrics, unless CLAIMDESK_METRICS_PUBLIC=true.
  'metrics.read': ['ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const ALL_ROLES: readonly Role[] = ['ADMIN', 'EDITOR', 'REVIEWER', 'VIEWER'];

/** Rules on top of the table, each checked where the row is read (403 when broken). */
export const OWNERSHIP: Partial<Record<Permission, string>> = {
  'assignment.respond': 'only the reviewer the assignment belongs to; also reading their inbox (`GET /me/assignments`)',
  'verdict.submit': "only the reviewer holding the claim's live assignment",
  'verdict.decide': "never the verdict's author (four eyes)",
  'verdict.readUnpublished':
    "a REVIEWER sees an unpublished verdict only if they wrote it or hold the claim's live assignment; a VIEWER sees approved verdicts only",
  'person.self': 'only their own person and tokens (an ADMIN: anyone\'s tokens, through person.manage)',
};

export function can(actor: Principal, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

export function authorize(actor: Principal, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new ForbiddenError(`${actor.role} may not ${permission}`, { permission, role: actor.role });
  }
}

/**
 * Which of a claim's verdicts the caller may read: approved ones always; the others (a draft under
 * review, one sent back) only for editors and admins, their author, and the claim's live assignee.
 */
export function visibleVerdicts<V extends { status: string; authorId: string }>(
  actor: Principal,
  verdicts: V[],
  liveReviewerId: string | null | undefined,
): V[] {
  if (can(actor, 'verdict.readUnpublished')) return verdicts;
  return verdicts.filter(
    (v) => v.status === 'APPROVED' || (actor.role === 'REVIEWER' && (v.authorId === actor.id || liveReviewerId === actor.id)),
  );
}

/** What of an unpublished verdict an event carries: its rating (claim.submitted) and the editor's note (claim.returned). */
const UNPUBLISHED_VERDICT_FIELDS: Record<string, readonly string[]> = {
  'claim.submitted': ['rating'],
  'claim.returned': ['note'],
};

/**
 * The change feed as the caller may see it: without verdict.readUnpublished, the rating of a
 * verdict under review and the editor's note on a returned one are left out of the payload.
 */
export function redactEvent<E extends { type: string; payload: unknown }>(actor: Principal, event: E): E {
  const hidden = UNPUBLISHED_VERDICT_FIELDS[event.type];
  if (!hidden || can(actor, 'verdict.readUnpublished') || event.payload === null || typeof event.payload !== 'object') return event;
  const payload = Object.fromEntries(Object.entries(event.payload as Record<string, unknown>).filter(([k]) => !hidden.includes(k)));
  return { ...event, payload };
}
