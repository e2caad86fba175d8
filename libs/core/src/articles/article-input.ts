import { createHash } from 'node:crypto';
import type { Priority } from '@prisma/client';

export interface ArticleInput {
  title: string;
  body: string;
  url?: string | null;
  outlet?: string | null;
  language: string;
  publishedAt?: Date | null;
  priority: Priority;
}

/**
 * The same story sent twice must map to one article even if whitespace, Unicode composition or
 * letter case differ; the stored text itself stays verbatim.
 */
export function contentHash(title: string, body: string): string {
  const normalise = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
  return createHash('sha256').update(`${normalise(title)}\n${normalise(body)}`, 'utf8').digest('hex');
}
