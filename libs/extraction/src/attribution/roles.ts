// Role nouns as speakers: "The chancellor said ..." after "Chancellor Gordon Brown" is Gordon Brown.
// News introduces a person once with a title and then refers back with the bare role; the role is
// resolved only while a single person has been introduced with it, otherwise it stays as written.
import { capitalisedRuns } from '../entities/names';
import { TITLE_WORDS } from './lexicon';

const ROLE_RE = /^the\s+((?:[a-z]+\s+){0,2}[a-z]+)$/i;
const WORD_BEFORE_RE = /([A-Za-z.]+)\s*$/;

export class RoleIndex {
  /** Head role word ("chancellor", "minister") -> the titles and names introduced with it. */
  private readonly byHead = new Map<string, Array<{ title: string[]; name: string }>>();

  constructor(private readonly knownPeople: Map<string, string>) {}

  /** Records the people the sentence introduces with a title ("Welsh Health Minister Jane Hutt"). */
  observe(s: string): void {
    for (const run of capitalisedRuns(s)) {
      if (run.tokens.length < 2 && !run.titled) continue;
      const title: string[] = [];
      let before = s.slice(Math.max(0, run.start - 60), run.start);
      for (let m = WORD_BEFORE_RE.exec(before); m && title.length < 4; m = WORD_BEFORE_RE.exec(before)) {
        const w = m[1].toLowerCase().replace(/\.$/, '');
        if (!TITLE_WORDS.has(w)) break;
        title.unshift(w);
        before = before.slice(0, m.index);
      }
      if (title.length === 0) continue;
      const name = run.tokens.join(' ');
      const full = this.knownPeople.get(name) ?? name;
      const head = title[title.length - 1];
      const list = this.byHead.get(head) ?? [];
      if (!list.some((e) => e.name === full)) list.push({ title, name: full });
      this.byHead.set(head, list);
    }
  }

  /** The one person introduced with this role ("the chancellor", "the health minister"), or null. */
  resolve(phrase: string): string | null {
    const m = ROLE_RE.exec(phrase.trim());
    if (!m) return null;
    const words = m[1].toLowerCase().split(/\s+/);
    if (!words.every((w) => TITLE_WORDS.has(w))) return null;
    const matches = (this.byHead.get(words[words.length - 1]) ?? []).filter((e) =>
      words.every((w) => e.title.includes(w)),
    );
    return matches.length === 1 ? matches[0].name : null;
  }
}
