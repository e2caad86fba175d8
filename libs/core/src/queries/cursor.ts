import { ValidationError } from '@claimdesk/database';

export const LIST_DEFAULT_LIMIT = 20;
export const LIST_MAX_LIMIT = 100;

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to read the next page; null on the last page. */
  next: string | null;
}

export interface Cursor {
  at: Date;
  id: string;
}

/** Opaque keyset cursor: (createdAt, id) of the last row of a page, newest first. */
export function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined | null): Cursor | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw new ValidationError([{ field: 'cursor', message: 'is not a cursor this API returned' }]);
  }
  return { at: date, id };
}

export function checkLimit(limit: number | undefined): number {
  const value = limit ?? LIST_DEFAULT_LIMIT;
  if (!Number.isInteger(value) || value < 1 || value > LIST_MAX_LIMIT) {
    throw new ValidationError([{ field: 'limit', message: `must be an integer from 1 to ${LIST_MAX_LIMIT}` }]);
  }
  return value;
}

/** Rows after the cursor in (createdAt desc, id desc) order. */
export function afterCursor(cursor: Cursor | null) {
  if (!cursor) return {};
  return { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] };
}

export function pageOf<T extends { createdAt: Date; id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  return { items, next: rows.length > limit ? encodeCursor(items[items.length - 1]) : null };
}
