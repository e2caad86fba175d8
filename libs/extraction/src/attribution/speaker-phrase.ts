// Cleans a speaker phrase as a frame gives it before it is resolved: the person's name kept, the
// titles, roles and affiliations around it set aside as the role ("Rep. Jane Doe (D-N.Y.), a Democrat
// from New York" -> "Rep. Jane Doe"; the normaliser then drops "Rep."), and a bare title completed
// from the sentence ('said Mr. Burman.' gives the rules "Mr"; the name follows it).

const BARE_TITLE_RE = /^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Prof|Rev|St)\.?$/;
const NAME_AFTER_TITLE_RE = /^\.?\s+((?:(?:[A-Z]\.)+\s*|[A-Z][\w'-]*\s+){0,3}[A-Z][\w'-]*)/;
const NOT_A_SPEAKER_RE = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December|Today|Yesterday|Tonight)$/;
// "(D-N.Y.)", "(R-Utah)", ", R-Ky.,": party and state tags.
const PARTY_TAG_RE = /\s*\([^()]{0,40}\)|,\s+[DRI]-[A-Z][\w.]*\.?,?/g;

/** The speaker phrase without its party tags and appositives, a bare title completed; null when it is no speaker. */
export function cleanSpeakerPhrase(sentence: string, phrase: string): string | null {
  let p = phrase.trim();
  if (BARE_TITLE_RE.test(p)) {
    const at = sentence.indexOf(p);
    const m = at >= 0 ? NAME_AFTER_TITLE_RE.exec(sentence.slice(at + p.length)) : null;
    if (!m) return null;
    p = `${p}. ${m[1]}`.replace('..', '.');
  }
  p = p.replace(PARTY_TAG_RE, '').trim();
  // "Richard Revesz, director of the Institute ...", "Kall -- co-editor of ...": the head before an
  // appositive names the speaker, unless the head is a description and the name follows it
  // ("its lawyer, Emmanuel Gaillard") which the rules resolve themselves.
  const cut = p.search(/\s*(?:,|\s--\s|\s\u2014\s|\s-\s)/);
  if (cut > 0 && /^[A-Z]/.test(p) && !/^(?:The|A|An|Its|His|Her|Their)\s/.test(p)) p = p.slice(0, cut);
  p = p.replace(/[,;:]+$/, '').trim();
  if (!p || NOT_A_SPEAKER_RE.test(p)) return null;
  return p;
}
