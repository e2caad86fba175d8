// Text as the matcher compares it. A fact-check and a new claim say the same thing in different
// clothes: a tweet carries links, @handles, hashtags and its embed attribution ("— Name (@handle)
// May 5, 2020"); a review carries "Fact check:" labels. Those are stripped before indexing and
// before querying, by this one function, so the tsvector and the query never disagree.

const URL_RE = /(?:https?:\/\/|www\.|pic\.twitter\.com\/)\S*/gi;
// pic.twitter.com links are often glued to the word before them ("#Iranpic.twitter.com/xyz").
const GLUED_PIC_RE = /pic\.twitter\.com\/\S*/gi;
const EMBED_ATTRIBUTION_RE = /\s*[—–-]{1,2}\s*([^—–()]{1,80}?)\s*\(@\w{1,30}\)\s*(?:[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})?\s*$/;
const HANDLE_RE = /(^|[^\w@])@(\w{1,30})/g;
const HASHTAG_RE = /(^|[^\w#])#(\w+)/g;
const BOILERPLATE_RE = /^\s*(?:fact[ -]?check(?:ed)?|claim|viral claim|rumou?r|breaking|update|watch|thread)\s*[:|-]\s*/i;
const RT_RE = /^\s*RT\s+@\w+:\s*/;
const SPACES_RE = /\s+/g;

/** "realDonaldTrump" -> "real Donald Trump", "FreeIran2020" -> "Free Iran 2020". */
export function splitCamelCase(word: string): string {
  return word
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2');
}

export interface MatchText {
  /** The text to index or query: links, handles' @, hashtags' #, attribution and labels removed. */
  text: string;
  /** The name in a tweet's embed attribution ("— Name (@handle) Date"), when there is one. */
  author: string | null;
}

export function normalizeMatchText(raw: string): MatchText {
  let s = raw.normalize('NFC').replace(SPACES_RE, ' ').trim();
  let author: string | null = null;
  const attribution = EMBED_ATTRIBUTION_RE.exec(s);
  if (attribution) {
    author = attribution[1].trim() || null;
    s = s.slice(0, attribution.index);
  }
  s = s
    .replace(RT_RE, '')
    .replace(GLUED_PIC_RE, ' ')
    .replace(URL_RE, ' ')
    // A handle is dropped as a name-less token but its words kept: "@realDonaldTrump" names Trump.
    .replace(HANDLE_RE, (_m, pre: string, handle: string) => `${pre}${splitCamelCase(handle)}`)
    .replace(HASHTAG_RE, (_m, pre: string, tag: string) => `${pre}${splitCamelCase(tag)}`)
    .replace(BOILERPLATE_RE, '')
    .replace(SPACES_RE, ' ')
    .trim();
  return { text: s, author };
}
