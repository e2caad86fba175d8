// PolNeAR's brat standoff (`*.ann`): T lines are spans (Source, Cue, Content, Attribution; a span may
// be discontinuous, "start end;start end"), E lines tie one attribution's spans together.

export interface Piece {
  start: number;
  end: number;
}

export interface AnnotatedSpan {
  pieces: Piece[];
  text: string;
}

export interface AnnotatedAttribution {
  source: AnnotatedSpan | null;
  cue: AnnotatedSpan | null;
  content: AnnotatedSpan | null;
}

/** Every attribution (E line) of one annotation file, with its spans. */
export function parseBrat(ann: string): AnnotatedAttribution[] {
  const spans = new Map<string, { type: string; span: AnnotatedSpan }>();
  const events: string[][] = [];
  for (const line of ann.split(/\r?\n/)) {
    const cols = line.split('\t');
    if (/^T\d+$/.test(cols[0]) && cols.length >= 3) {
      const sp = cols[1].indexOf(' ');
      const type = cols[1].slice(0, sp);
      const pieces = cols[1]
        .slice(sp + 1)
        .split(';')
        .map((p) => p.trim().split(/\s+/).map(Number))
        .filter((p) => p.length === 2 && p.every(Number.isFinite))
        .map(([start, end]) => ({ start, end }));
      spans.set(cols[0], { type, span: { pieces, text: cols[2] } });
    } else if (/^E\d+$/.test(cols[0]) && cols.length >= 2) {
      events.push(cols[1].trim().split(/\s+/));
    }
  }
  return events.map((args) => {
    const a: AnnotatedAttribution = { source: null, cue: null, content: null };
    for (const arg of args) {
      const [role, id] = arg.split(':');
      const t = spans.get(id);
      if (!t) continue;
      const key = role.replace(/\d+$/, '').toLowerCase();
      if (key === 'source' || key === 'cue' || key === 'content') a[key] = a[key] ? merge(a[key]!, t.span) : t.span;
    }
    return a;
  });
}

function merge(a: AnnotatedSpan, b: AnnotatedSpan): AnnotatedSpan {
  return { pieces: [...a.pieces, ...b.pieces], text: `${a.text} ${b.text}` };
}

/** Characters of [start, end) that fall inside the span's pieces. */
export function overlap(span: AnnotatedSpan, start: number, end: number): number {
  let n = 0;
  for (const p of span.pieces) n += Math.max(0, Math.min(end, p.end) - Math.max(start, p.start));
  return n;
}

/** The span lies wholly inside [start, end). */
export function within(span: AnnotatedSpan, start: number, end: number): boolean {
  return span.pieces.length > 0 && span.pieces.every((p) => p.start >= start && p.end <= end);
}
