// Named HTML entities that turn up in news feeds. Numeric entities (&#8217; &#x2019;) are decoded
// generically; anything unknown is left as literal text rather than guessed.
export const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  rsquo: '\u2019',
  lsquo: '\u2018',
  sbquo: '\u201a',
  rdquo: '\u201d',
  ldquo: '\u201c',
  bdquo: '\u201e',
  laquo: '\u00ab',
  raquo: '\u00bb',
  mdash: '\u2014',
  ndash: '\u2013',
  hellip: '\u2026',
  pound: '\u00a3',
  euro: '\u20ac',
  yen: '\u00a5',
  cent: '\u00a2',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  deg: '\u00b0',
  percnt: '%',
  middot: '\u00b7',
  bull: '\u2022',
  shy: '\u00ad',
  eacute: '\u00e9',
  egrave: '\u00e8',
  aacute: '\u00e1',
  agrave: '\u00e0',
  iacute: '\u00ed',
  oacute: '\u00f3',
  uacute: '\u00fa',
  ntilde: '\u00f1',
  ccedil: '\u00e7',
  auml: '\u00e4',
  ouml: '\u00f6',
  uuml: '\u00fc',
  szlig: '\u00df',
};

const ENTITY_RE = /&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/y;

/** Decodes the entity starting at `at`, or returns null. Sticky regex: no scanning ahead. */
export function decodeEntityAt(text: string, at: number): { value: string; length: number } | null {
  ENTITY_RE.lastIndex = at;
  const m = ENTITY_RE.exec(text);
  if (!m) return null;
  const name = m[1];
  let value: string | undefined;
  if (name[0] === '#') {
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    if (code > 0 && code <= 0x10ffff) value = String.fromCodePoint(code);
  } else {
    value = NAMED_ENTITIES[name.toLowerCase()];
  }
  return value === undefined ? null : { value, length: m[0].length };
}
