// Dates and relative time expressions, resolved against the article's publication date.
// News reports the past: a bare "Tuesday" or "April 30" is the most recent one on or before
// publication, never the next one (the mistake compromise makes, STACK.md).
import { MONTHS, WEEKDAYS } from './gazetteer';

export interface DateMention {
  text: string;
  iso: string | null;
  start: number;
  end: number;
}

const MONTH_RE = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const DATE_RE = new RegExp(
  [
    String.raw`\b(\d{4})-(\d{2})-(\d{2})\b`, // ISO
    String.raw`\b${MONTH_RE}\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b`, // April 30[, 2019]
    String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH_RE}(?:,?\s+(\d{4}))?\b`, // 30 April [2019]
    String.raw`\b${MONTH_RE}\s+(\d{4})\b`, // April 2019
    String.raw`\b(?:(last|next|this|on|early|late)\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b`,
    String.raw`\b(yesterday|today|tonight|last night)\b`,
    String.raw`\b(?:(earlier|later|late|early)\s+)?(last|this|next)\s+(week|month|year|weekend)\b`,
    String.raw`\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\d+)\s+(day|week|month|year)s?\s+ago\b`,
    String.raw`\b(?:in|since|by|until|from|of|during|early|late|mid-?|before|after|around)\s+((?:19|20)\d{2})(?!\s*(?:%|per\b|people\b|(?!onwards|afterwards)\w*s\b))\b`,
    String.raw`\b(${MONTHS.map((m) => m[0].toUpperCase() + m.slice(1)).join('|')})\b(?!\s+\d)`,
  ].join('|'),
  'gi',
);

const WORD_NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, 'a few': 3, several: 3 };

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}
function isoDay(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
function isoMonth(y: number, m0: number): string {
  const d = new Date(Date.UTC(y, m0, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}
function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(t.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((t.getTime() - yearStart.getTime()) / 86400000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${pad(week)}`;
}
function monthIndex(name: string): number {
  const p = name.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(p));
}
function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * 86400000);
}

/** Resolves one match; `ref` is the publication date (UTC day) or null. */
function resolve(m: RegExpExecArray, ref: Date | null): string | null {
  const g = m.slice(1);
  if (g[0]) return `${g[0]}-${g[1]}-${g[2]}`;
  if (g[3]) {
    const mi = monthIndex(g[3]);
    const day = Number(g[4]);
    if (g[5]) return `${g[5]}-${pad(mi + 1)}-${pad(day)}`;
    if (!ref) return null;
    let y = ref.getUTCFullYear();
    if (Date.UTC(y, mi, day) > ref.getTime()) y--;
    return `${y}-${pad(mi + 1)}-${pad(day)}`;
  }
  if (g[6]) {
    const mi = monthIndex(g[7]);
    const day = Number(g[6]);
    if (g[8]) return `${g[8]}-${pad(mi + 1)}-${pad(day)}`;
    if (!ref) return null;
    let y = ref.getUTCFullYear();
    if (Date.UTC(y, mi, day) > ref.getTime()) y--;
    return `${y}-${pad(mi + 1)}-${pad(day)}`;
  }
  if (g[9]) return `${g[10]}-${pad(monthIndex(g[9]) + 1)}`;
  if (g[12]) {
    if (!ref) return null;
    const target = WEEKDAYS.indexOf(g[12].toLowerCase());
    let back = (ref.getUTCDay() - target + 7) % 7;
    const mod = (g[11] ?? '').toLowerCase();
    if (mod === 'next') return isoDay(addDays(ref, (target - ref.getUTCDay() + 7) % 7 || 7));
    if (mod === 'last' && back === 0) back = 7;
    return isoDay(addDays(ref, -back));
  }
  if (g[13]) {
    if (!ref) return null;
    const w = g[13].toLowerCase();
    return isoDay(w === 'yesterday' || w === 'last night' ? addDays(ref, -1) : ref);
  }
  if (g[15]) {
    if (!ref) return null;
    const which = g[15].toLowerCase();
    const unit = g[16].toLowerCase();
    const step = which === 'last' ? -1 : which === 'next' ? 1 : 0;
    if (unit === 'week' || unit === 'weekend') return isoWeek(addDays(ref, 7 * step));
    if (unit === 'month') return isoMonth(ref.getUTCFullYear(), ref.getUTCMonth() + step);
    return String(ref.getUTCFullYear() + step);
  }
  if (g[17]) {
    if (!ref) return null;
    const n = WORD_NUMBERS[g[17].toLowerCase()] ?? Number(g[17]);
    const unit = g[18].toLowerCase();
    if (unit === 'day') return isoDay(addDays(ref, -n));
    if (unit === 'week') return isoWeek(addDays(ref, -7 * n));
    if (unit === 'month') return isoMonth(ref.getUTCFullYear(), ref.getUTCMonth() - n);
    return String(ref.getUTCFullYear() - n);
  }
  if (g[19]) return g[19];
  if (g[20]) {
    // A bare month name ("in April"): the most recent April on or before publication.
    if (!ref) return null;
    const mi = monthIndex(g[20]);
    const y = mi > ref.getUTCMonth() ? ref.getUTCFullYear() - 1 : ref.getUTCFullYear();
    return isoMonth(y, mi);
  }
  return null;
}

export function findDates(s: string, publishedAt: Date | null | undefined): DateMention[] {
  const ref = publishedAt && !Number.isNaN(publishedAt.getTime())
    ? new Date(Date.UTC(publishedAt.getUTCFullYear(), publishedAt.getUTCMonth(), publishedAt.getUTCDate()))
    : null;
  const out: DateMention[] = [];
  DATE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DATE_RE.exec(s)) !== null) {
    const g = m.slice(1);
    // "May" is a month only with a day or year ("May 5", "May 2019"), never a bare "may".
    if (g[20] && /^may$/i.test(g[20])) continue;
    if ((g[3] && /^may$/i.test(g[3]) && !/^May/.test(m[0])) || (g[7] && /^may$/i.test(g[7]) && !/May/.test(m[0]))) continue;
    let text = m[0];
    let start = m.index;
    // Keep the preposition out of the mention: "in 2003" -> "2003".
    if (g[19]) {
      start = m.index + m[0].lastIndexOf(g[19]);
      text = g[19];
    }
    out.push({ text, iso: resolve(m, ref), start, end: start + text.length });
  }
  return out;
}
