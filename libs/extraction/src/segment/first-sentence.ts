import { splitSentences } from './sentences';

/**
 * The first sentence of a free text (a verdict's rationale, for ClaimReview's ratingExplanation),
 * split as claims are: abbreviations, initials and decimals do not end it. Paragraph breaks do.
 */
export function firstSentence(text: string): string {
  const paragraph = /\S[\s\S]*?(?=\n\s*\n|$)/.exec(text);
  if (!paragraph) return '';
  const start = paragraph.index;
  const [first] = splitSentences(text, start, start + paragraph[0].length);
  return first ? text.slice(first[0], first[1]) : '';
}
