import { followContents } from './content-continuation';
import type { TaggedFrame } from './tagger/frame';

const frame = (share: number, opens: boolean, closes: boolean, quoted = false): TaggedFrame => ({
  source: null,
  cue: null,
  contentShare: share,
  opensInContent: opens,
  closesInContent: closes,
  quoted,
});

describe('followContents', () => {
  it('carries a speaker forward and back over sentences a content runs through', () => {
    const s = [frame(1, false, true), frame(1, true, true), frame(0.1, false, false)];
    expect(followContents(s.map((tagged) => ({ tagged, newParagraph: false })), ['Smith', null, null])).toEqual(['Smith', 'Smith', null]);
    const back = [frame(1, true, true), frame(0.8, true, false)];
    expect(followContents(back.map((tagged) => ({ tagged, newParagraph: false })), [null, 'the source'])).toEqual(['the source', 'the source']);
  });
  it('leaves quotations to quote-continuation and sentences mostly outside a content alone', () => {
    const quoted = [frame(1, false, true), frame(1, true, true, true)];
    expect(followContents(quoted.map((tagged) => ({ tagged, newParagraph: false })), ['Smith', null])).toEqual(['Smith', null]);
    const thin = [frame(1, false, true), frame(0.3, true, true)];
    expect(followContents(thin.map((tagged) => ({ tagged, newParagraph: false })), ['Smith', null])).toEqual(['Smith', null]);
  });
});
