// Numbers and quantities with their units: "$28.3bn", "£264m", "97%", "30 pct", "41 Britons",
// "two months", "18-month". Numbers that are part of a date are left to the date finder.

export interface NumberMention {
  text: string;
  value: number | null;
  unit: string | null;
  start: number;
  end: number;
}

const SCALE: Record<string, number> = {
  k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, million: 1e6, bn: 1e9, b: 1e9, billion: 1e9, tn: 1e12, trillion: 1e12,
};
const CURRENCY: Record<string, string> = { $: 'USD', 'US$': 'USD', '£': 'GBP', '€': 'EUR', '¥': 'JPY', 'Rs': 'INR', 'R$': 'BRL' };
const WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
  half: 0.5, hundreds: 100, thousands: 1000, millions: 1e6, billions: 1e9, dozens: 12,
};
const NOT_UNITS = new Set(['the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'is', 'was', 'were', 'are', 'has', 'had', 'have', 'that', 'who', 'which', 'than', 'as', 'more', 'less']);

const NUMBER_RE = new RegExp(
  String.raw`(US\$|R\$|Rs\.?\s?|[$£€¥])?\s?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s?(bn|mn|tn|k|m|b|thousand|million|billion|trillion)\b)?(\s?%|\s?(?:per cent|percent|pct)\b)?(?:-([a-z]+))?` +
    String.raw`|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds|thousands|millions|billions|dozens|a dozen|half)\b(?:\s(?:of\s)?(hundred|thousand|million|billion|trillion|millions|billions)\b)?`,
  'gi',
);
const NEXT_WORD_RE = /^\s+(?:of\s+)?([A-Za-z][A-Za-z-]{1,24})/;

function unitAfter(s: string, end: number): string | null {
  const m = NEXT_WORD_RE.exec(s.slice(end, end + 40));
  if (!m) return null;
  const w = m[1];
  if (NOT_UNITS.has(w.toLowerCase())) return null;
  return w;
}

export function findNumbers(s: string, skip: Array<{ start: number; end: number }> = []): NumberMention[] {
  const out: NumberMention[] = [];
  NUMBER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER_RE.exec(s)) !== null) {
    if (m[0].trim() === '') {
      NUMBER_RE.lastIndex++;
      continue;
    }
    const lead = m[0].length - m[0].trimStart().length;
    const start = m.index + lead;
    const end = m.index + m[0].length;
    if (skip.some((r) => start < r.end && end > r.start)) continue;
    // Part of a word or a bigger token ("G8", "B-52", "COVID-19").
    if (start > 0 && /[A-Za-z-]/.test(s[start - 1]) && !m[1]) continue;
    const text = s.slice(start, end);
    if (m[2] !== undefined) {
      let value = Number(m[2].replace(/,/g, '') + (m[3] ?? ''));
      const scale = m[4] ? SCALE[m[4].toLowerCase()] : 1;
      // "m"/"b" only scale money ("£264m"); elsewhere "5 m" is metres.
      let unit: string | null = null;
      if (m[4] && (m[1] || !/^[mb]$/i.test(m[4]))) value *= scale;
      if (m[1]) unit = CURRENCY[m[1].trim().replace(/\.$/, '')] ?? m[1].trim();
      else if (m[5]) unit = '%';
      else if (m[6]) unit = m[6];
      else unit = unitAfter(s, end);
      out.push({ text, value, unit, start, end });
    } else {
      const word = m[7].toLowerCase().replace(/^a /, '');
      // "no one", "one of", "the one": pronoun uses of "one" are not quantities.
      if (word === 'one' && (/\b(?:no|any|every|some|the|this|that|which|each)\s+$/i.test(s.slice(Math.max(0, start - 8), start)) || /^\s+(?:of|another|who|that)\b/.test(s.slice(end, end + 10)))) continue;
      if (word === 'half' && !/^\s+(?:of\s+)?(?:a|the|an|\d)/.test(s.slice(end, end + 8))) continue;
      let value: number | null = WORDS[word] ?? null;
      if (value !== null && m[8]) value *= SCALE[m[8].toLowerCase().replace(/s$/, '')] ?? 1;
      out.push({ text, value, unit: unitAfter(s, end), start, end });
    }
  }
  return out;
}
