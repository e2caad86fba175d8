// Word lists that decide whether a full stop ends a sentence. Lower case, without the dot.

/** Titles before a name: "Dr. Smith", "Gen. Mattis". A full stop after one never ends a sentence. */
export const TITLE_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'mme', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cpl',
  'adm', 'cmdr', 'brig', 'gov', 'sen', 'rep', 'reps', 'sens', 'rev', 'fr', 'hon', 'pres', 'supt', 'insp',
  'det', 'amb', 'atty', 'st', 'mt', 'ft', 'sr', 'jr', 'esq',
]);

/** Month abbreviations: "Jan. 5" does not end a sentence; "in Jan. The" might. */
export const MONTH_ABBREVIATIONS = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** Abbreviations followed by a number: "No. 10", "Fig. 3", "pp. 4-5". */
export const NUMBER_ABBREVIATIONS = new Set(['no', 'nos', 'nr', 'art', 'fig', 'figs', 'p', 'pp', 'vol', 'ch', 'sec', 'para', 'op', 'ed', 'tel']);

/** Never ends a sentence, whatever follows ("e.g. Paris", "vs. Chelsea"). */
export const NEVER_FINAL = new Set(['e.g', 'i.e', 'vs', 'v', 'cf', 'viz', 'approx', 'ca', 'c']);

/**
 * May end a sentence ("in the U.S. The talks...") but usually does not ("U.S. officials"): a full
 * stop after one ends a sentence only when the next word is a typical sentence opener.
 */
export const AMBIGUOUS_ABBREVIATIONS = new Set([
  'inc', 'corp', 'ltd', 'co', 'plc', 'llc', 'bros', 'etc', 'est', 'dept', 'univ', 'assn', 'a.m', 'p.m',
  'u.s', 'u.k', 'u.n', 'e.u', 'd.c', 'u.s.a', 'l.a', 'n.y',
]);

/** Words that commonly open a sentence; used to break after ambiguous abbreviations. */
export const SENTENCE_OPENERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'there',
  'his', 'her', 'their', 'its', 'our', 'but', 'and', 'however', 'meanwhile', 'in', 'on', 'at', 'after',
  'before', 'when', 'while', 'if', 'as', 'for', 'since', 'some', 'many', 'most', 'other', 'others', 'earlier',
  'later', 'last', 'asked', 'speaking', 'according', 'officials', 'critics', 'analysts', 'mr', 'mrs', 'ms',
]);
