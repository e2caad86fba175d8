// A content that runs over several sentences without quote marks ("Clinton had told police officials
// that ... . The NYPD overruled that request, the source added."): the tagger marks the words of such
// sentences as content, and a sentence that opens and closes inside a content, with no speaker of its
// own, takes the speaker of the neighbour the content runs from (the sentence before, when its content
// runs to its end) or to (the sentence after, when its content starts at its beginning and a frame of
// its own names the speaker: a cue after the last sentence).
import type { TaggedFrame } from './tagger/frame';

export interface ContentSentence {
  tagged?: TaggedFrame;
  newParagraph: boolean;
}

// Most of the sentence's words must be content: a stray content word is no continuation.
const MIN_SHARE = 0.6;

// A quotation is followed by quote-continuation.ts, which knows where it closes; a content that only
// the tagger sees must run without quote marks, on both sides.
function inContent(t: TaggedFrame | undefined): t is TaggedFrame {
  return t !== undefined && t.contentShare >= MIN_SHARE && !t.quoted;
}

export function followContents(sentences: ContentSentence[], speakers: Array<string | null>): Array<string | null> {
  const out = speakers.slice();
  // Forward: the content of an attributed sentence runs on into the next.
  for (let i = 1; i < sentences.length; i++) {
    const prev = sentences[i - 1].tagged;
    const cur = sentences[i].tagged;
    if (out[i] !== null || out[i - 1] === null || !inContent(cur) || !prev?.closesInContent || prev.quoted || !cur.opensInContent) continue;
    out[i] = out[i - 1];
  }
  // Backward: a frame after the content names the speaker of the sentences before it.
  for (let i = sentences.length - 2; i >= 0; i--) {
    const cur = sentences[i].tagged;
    const next = sentences[i + 1].tagged;
    if (out[i] !== null || out[i + 1] === null || !inContent(cur) || !cur.closesInContent || !next?.opensInContent || next.quoted) continue;
    out[i] = out[i + 1];
  }
  return out;
}
