/** A `where` that would have matched more rows than asked for because one of its keys was missing. */
export class UnboundWhereError extends Error {}

/**
 * Every `updateMany`/`deleteMany` filter goes through this (an ESLint rule in eslint.config.mjs
 * insists). Prisma drops a key whose value is `undefined`, so `where: { id: undefined, status }`
 * quietly becomes "every row with that status": one job that lost its data could fail every
 * article waiting for extraction. Here an undefined or null key (an id that never arrived) throws
 * before the query is built. To filter on NULL, say so with `{ equals: null }`.
 */
export function strictWhere<const W extends object>(where: W): W {
  const missing = Object.entries(where)
    .filter(([, value]) => value === undefined || value === null)
    .map(([key]) => key);
  if (missing.length > 0) throw new UnboundWhereError(`refusing a write whose where has no value for ${missing.join(', ')}`);
  return where;
}
