import { ALL_ROLES, OWNERSHIP, PERMISSIONS, type Permission } from './permissions';

/** The permission table as the Markdown README.md publishes (a unit spec keeps the two equal). */
export function permissionTableMarkdown(): string {
  const header = `| action | ${ALL_ROLES.join(' | ')} | ownership |`;
  const rule = `| --- | ${ALL_ROLES.map(() => ':-:').join(' | ')} | --- |`;
  const rows = (Object.keys(PERMISSIONS) as Permission[]).map((action) => {
    const roles = PERMISSIONS[action] as readonly string[];
    return `| \`${action}\` | ${ALL_ROLES.map((r) => (roles.includes(r) ? 'yes' : '-')).join(' | ')} | ${OWNERSHIP[action] ?? ''} |`;
  });
  return [header, rule, ...rows].join('\n');
}
