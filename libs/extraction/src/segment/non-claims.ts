// Recognisers for the parts of an article that are not claims: credits, datelines, bylines,
// related-link lines, headlines. Each works on the normalised working copy.

/** A photo credit at the end of a block: "(Reuters pic)", "(AP Photo/Evan Vucci)", "Photo: Getty". */
const TRAILING_CREDIT_RE =
  /(?:^|\s)(\((?:[^()]{0,60}\s)?(?:pic|pics|photo|photos|picture|image|images|file pic|file photo|photograph|video)(?:\s[^()]{0,40})?\)|\((?:AP|AFP|Reuters|EPA|Getty|Bernama|AAP|PA)\s?(?:Photo|Images|Pic)?\s?(?:\/[^()]{1,60})?\)|(?:Photo|Picture|Image|Pic|Photograph)s?(?:\s+credit)?\s*[:/]\s*[^.!?]{1,60})$/i;

/** A whole block that is nothing but a credit or an agency sign-off ("Reuter", "Getty Images"). */
const CREDIT_BLOCK_RE =
  /^(?:\(?(?:Reuters?|AP|AFP|AAP|EPA|Bernama|PA|UPI|dpa|Getty Images|Getty|AP Photo)(?:\s+(?:pic|photo|file photo))?\)?|(?:\u00a9|\(c\)|Copyright)\s.{1,80}|(?:Photo|Picture|Image)s?(?:\s+credit)?\s*[:/].{1,80})\.?$/i;

/**
 * A dateline opening the story: "MEXICO CITY:", "OSLO, March 16 -", "WASHINGTON (Reuters) -",
 * "LONDON, Jan. 5 (AP) --". The place is upper case; the separator is a colon or a dash.
 */
const DATELINE_RE =
  /^([A-Z][A-Z.'\u2019-]+(?:[ ,/]+[A-Z][A-Z.'\u2019-]+){0,4}(?:,\s*[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2})?(?:,\s*\d{4})?)?(?:\s*\((?:Reuters|Reuter|AP|AFP|UPI|Bernama|dpa|IANS|PTI|AAP|CNN|BBC)\))?\s*(?::|-{1,2}|\u2013|\u2014))\s+/;

/** "By Jane Smith", "By Jane Smith and John Doe, Reuters", "Reporting by ...; Editing by ...". */
const BYLINE_RE =
  /^(?:By\s+[A-Z][\w.'\u2019-]*(?:\s+(?:[A-Z][\w.'\u2019-]*|and|&|de|van|von|da|al|bin))*(?:\s*[,|-]\s*[A-Z][\w .'&-]{0,60})?|(?:Reporting|Writing|Editing|Additional reporting)(?:\s+by)?\s.{0,200})$/;

/** "Read more: ...", "RELATED: ...", "See also ...", "Click here ...", "More on this story". */
const RELATED_RE =
  /^(?:read more|read also|also read|related(?: stories| articles| coverage| news)?|see also|more on this(?: story)?|click here|watch|listen|related links?|recommended|trending|most read|you may also like|sign up)\b\s*[:\-\u2013\u2014>]?/i;

export function trailingCredit(text: string): { start: number; end: number } | null {
  const m = TRAILING_CREDIT_RE.exec(text);
  if (!m) return null;
  const start = m.index + (m[0].length - m[1].length);
  return { start, end: text.length };
}

export function isCreditBlock(text: string): boolean {
  return text.length <= 90 && CREDIT_BLOCK_RE.test(text);
}

/** Length of the dateline at the start of `text` (without the following space), or 0. */
export function datelineLength(text: string): number {
  const m = DATELINE_RE.exec(text);
  if (!m) return 0;
  // The place must hold at least one real word of 3+ letters ("US:" alone is not a dateline).
  if (!/[A-Z]{3,}/.test(m[1])) return 0;
  return m[1].length;
}

export function isByline(text: string): boolean {
  return text.length <= 120 && BYLINE_RE.test(text) && !/[.!?]["']?$/.test(text.replace(/\b[A-Z]\.$/, ''));
}

export function isRelated(text: string): boolean {
  return RELATED_RE.test(text) && text.length <= 300;
}

/** Compares two headlines ignoring case, quotes, punctuation and spacing. */
export function sameHeadline(a: string, b: string): boolean {
  const k = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return k(a) !== '' && k(a) === k(b);
}

/** An upper-case line with no sentence punctuation: a headline or section heading, not prose. */
export function looksLikeHeading(text: string): boolean {
  if (text.length > 160 || /[.!?]["']?$/.test(text)) return false;
  const letters = text.replace(/[^A-Za-z]/g, '');
  return letters.length >= 4 && letters === letters.toUpperCase();
}
