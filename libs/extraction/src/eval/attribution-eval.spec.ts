import { parseBrat } from './brat';
import { isStatementCue, judgeClaims, speakerMatches } from './attribution-eval';

const ANN = [
  'T1\tSource 0 9\tThe Times',
  'T2\tCue 10 17\thas said',
  'T3\tContent 18 40\tthat taxes rose sharply',
  'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
  'T5\tSource 41 43\tHe',
  'T6\tCue 44 48\tsaid',
  'T7\tContent 49 60;62 70\tsplit piece',
  'E2\tContent:T7 Cue:T6 Source:T5',
  'T8\tSource 80 90\tMary Smith',
  'T9\tCue 91 98\tthought',
  'T10\tContent 100 120\tit was late',
  'E3\tContent:T10 Cue:T9 Source:T8',
].join('\n');

describe('parseBrat', () => {
  it('ties source, cue and content of each attribution, discontinuous spans included', () => {
    const a = parseBrat(ANN);
    expect(a).toHaveLength(3);
    expect(a[0].source?.text).toBe('The Times');
    expect(a[1].content?.pieces).toEqual([{ start: 49, end: 60 }, { start: 62, end: 70 }]);
  });
});

describe('judgeClaims', () => {
  const atts = parseBrat(ANN);
  it('scores a claim half inside a statement content, and matches on the last word of the source', () => {
    const [j] = judgeClaims([{ start: 0, end: 40, speaker: 'Times' }], atts);
    expect(j.verdict).toBe('right');
    expect(judgeClaims([{ start: 0, end: 40, speaker: null }], atts)[0].verdict).toBe('missing');
  });
  it('leaves out pronoun sources and cues that are not verbs of saying', () => {
    expect(judgeClaims([{ start: 49, end: 70, speaker: 'Smith' }], atts)[0].verdict).toBe('unscored');
    expect(judgeClaims([{ start: 100, end: 120, speaker: null }], atts)[0].verdict).toBe('unscored');
  });
  it('counts a speaker given to a claim outside every attribution as false', () => {
    expect(judgeClaims([{ start: 200, end: 230, speaker: 'Smith' }], atts)[0].verdict).toBe('false-speaker');
    expect(judgeClaims([{ start: 200, end: 230, speaker: null }], atts)[0].verdict).toBe('unattributed');
  });
});

describe('speaker matching', () => {
  it('drops titles and possessives, and lets an unnamed description accept anyone', () => {
    expect(speakerMatches('Doe', "Rep. Jane Doe's office")).toBe(true);
    expect(speakerMatches('Jane Doe', 'Rep. Jane Doe')).toBe(true);
    expect(speakerMatches('Rep', 'Rep. Jane Doe')).toBe(false);
    expect(speakerMatches('Anyone', 'the newspaper')).toBe(true);
    expect(speakerMatches('Clinton', 'Trump')).toBe(false);
  });
  it('reads a cue as a statement when it holds a verb of saying', () => {
    expect(isStatementCue('has said')).toBe(true);
    expect(isStatementCue('According to')).toBe(true);
    expect(isStatementCue('believes')).toBe(false);
  });
});
