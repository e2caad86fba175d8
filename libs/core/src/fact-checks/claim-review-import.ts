import { ValidationError, type FieldProblem } from '@claimdesk/database';
import type { FactCheckRecord } from './fact-check-record';

/**
 * schema.org ClaimReview JSON-LD -> library records. Accepts what partners publish and what
 * GET /claim-reviews serves: one document, an array of them, a feed `{items: [...]}`, or a JSON-LD
 * `{"@graph": [...]}`. Every document is checked before any is stored; the answer names each field
 * at fault by its path (`items[3].url`), so one bad document refuses the whole import (no half feed).
 */
export const MAX_IMPORT_DOCUMENTS = 5000;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function documentsOf(body: unknown): { docs: unknown[]; path: (i: number) => string } {
  if (Array.isArray(body)) return { docs: body, path: (i) => `[${i}]` };
  if (isObject(body) && Array.isArray(body.items)) return { docs: body.items, path: (i) => `items[${i}]` };
  if (isObject(body) && Array.isArray(body['@graph'])) return { docs: body['@graph'], path: (i) => `@graph[${i}]` };
  return { docs: [body], path: () => '' };
}

const at = (prefix: string, field: string) => (prefix ? `${prefix}.${field}` : field);

function text(v: unknown, max = 10_000): string | null {
  if (typeof v !== 'string') return null;
  const s = v.normalize('NFC').trim();
  return s && s.length <= max ? s : null;
}

/** A name from a string, an object with `name`, or the first of an array of either. */
function nameOf(v: unknown): { name: string | null; url: string | null } {
  const first = Array.isArray(v) ? v[0] : v;
  if (typeof first === 'string') return { name: text(first, 500), url: null };
  if (isObject(first)) return { name: text(first.name, 500), url: httpUrl(first.url) };
  return { name: null, url: null };
}

function httpUrl(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  try {
    const u = new URL(v.trim());
    return (u.protocol === 'http:' || u.protocol === 'https:') && v.length <= 2000 ? u.toString() : null;
  } catch {
    return null;
  }
}

function numberOf(v: unknown): number | null | undefined {
  if (v === undefined || v === null) return null;
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function isClaimReview(type: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => t === 'ClaimReview' || t === 'schema:ClaimReview' || t === 'https://schema.org/ClaimReview' || t === 'http://schema.org/ClaimReview');
}

function parseOne(doc: unknown, prefix: string, problems: FieldProblem[]): FactCheckRecord | null {
  if (!isObject(doc)) {
    problems.push({ field: prefix || '(body)', message: 'must be a ClaimReview JSON-LD object' });
    return null;
  }
  const before = problems.length;
  if (!isClaimReview(doc['@type'])) problems.push({ field: at(prefix, '@type'), message: 'must be "ClaimReview"' });
  const url = httpUrl(doc.url);
  if (!url) problems.push({ field: at(prefix, 'url'), message: 'must be the review\'s http(s) URL (the import is idempotent by it)' });
  const claimReviewed = text(doc.claimReviewed);
  if (!claimReviewed) problems.push({ field: at(prefix, 'claimReviewed'), message: 'must be the claim\'s text (1-10,000 characters)' });
  const rating = doc.reviewRating;
  if (rating !== undefined && !isObject(rating)) problems.push({ field: at(prefix, 'reviewRating'), message: 'must be a Rating object' });
  const r = isObject(rating) ? rating : {};
  const ratingValue = numberOf(r.ratingValue);
  const bestRating = numberOf(r.bestRating);
  const worstRating = numberOf(r.worstRating);
  for (const [field, value] of [['ratingValue', ratingValue], ['bestRating', bestRating], ['worstRating', worstRating]] as const) {
    if (value === undefined) problems.push({ field: at(prefix, `reviewRating.${field}`), message: 'must be a number' });
  }
  let datePublished: Date | null = null;
  if (doc.datePublished !== undefined && doc.datePublished !== null) {
    datePublished = typeof doc.datePublished === 'string' ? new Date(doc.datePublished) : null;
    if (!datePublished || Number.isNaN(datePublished.getTime())) problems.push({ field: at(prefix, 'datePublished'), message: 'must be an ISO 8601 date' });
  }
  const author = nameOf(doc.author);
  if (doc.author !== undefined && !author.name) problems.push({ field: at(prefix, 'author'), message: 'must name the reviewing organisation (a string or {name})' });
  if (problems.length > before) return null;
  const item = isObject(doc.itemReviewed) ? doc.itemReviewed : {};
  const ratingLabel = text(r.alternateName, 500) ?? text(r.name, 500);
  return {
    url: url!,
    claimReviewed: claimReviewed!,
    title: text(doc.headline, 1000) ?? text(doc.name, 1000),
    rating: ratingLabel ?? (ratingValue !== null && ratingValue !== undefined ? String(ratingValue) : null),
    ratingValue: ratingValue ?? null,
    bestRating: bestRating ?? null,
    worstRating: worstRating ?? null,
    authorName: author.name,
    authorUrl: author.url,
    claimAuthor: nameOf(item.author).name,
    datePublished,
    origin: 'IMPORTED',
    document: doc,
  };
}

export function parseClaimReviews(body: unknown): FactCheckRecord[] {
  const { docs, path } = documentsOf(body);
  if (docs.length === 0) throw new ValidationError([{ field: '(body)', message: 'holds no ClaimReview documents' }]);
  if (docs.length > MAX_IMPORT_DOCUMENTS) {
    throw new ValidationError([{ field: '(body)', message: `holds ${docs.length} documents; at most ${MAX_IMPORT_DOCUMENTS} per request (npm run import:fact-checks has no limit)` }]);
  }
  const problems: FieldProblem[] = [];
  const records = docs.map((doc, i) => parseOne(doc, path(i), problems));
  if (problems.length > 0) throw new ValidationError(problems.slice(0, 50));
  return records as FactCheckRecord[];
}
