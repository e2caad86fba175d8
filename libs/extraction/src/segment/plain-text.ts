// Plain-text articles (text/plain ingestion, `npm run ingest`): the first non-empty line is the
// headline, the rest is the body.

export function splitPlainText(raw: string): { title: string; body: string; bodyOffset: number } {
  const lineRe = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let m: RegExpExecArray | null;
  let title = '';
  let afterTitle = raw.length;
  while ((m = lineRe.exec(raw)) !== null) {
    if (m[0] === '') break;
    const line = m[0].replace(/[\r\n]+$/, '');
    if (line.trim() !== '') {
      title = line.trim();
      afterTitle = m.index + m[0].length;
      break;
    }
  }
  // Drop the blank lines between headline and body, keep the body's own first-line indent.
  let bodyOffset = afterTitle;
  const blank = /[ \t\u00a0]*(?:\r\n|\r|\n)/y;
  for (;;) {
    blank.lastIndex = bodyOffset;
    const b = blank.exec(raw);
    if (!b) break;
    bodyOffset += b[0].length;
  }
  return { title, body: raw.slice(bodyOffset), bodyOffset };
}
