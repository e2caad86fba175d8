// Splits a body into typed units: the non-claim furniture of a news page, and sentences.
import type { UnitKind } from '../types';
import { splitBlocks, type Block } from './blocks';
import {
  datelineLength,
  isByline,
  isCreditBlock,
  isRelated,
  looksLikeHeading,
  sameHeadline,
  trailingCredit,
} from './non-claims';
import { splitSentences } from './sentences';

/** A unit in working-copy coordinates. */
export interface RawUnit {
  kind: UnitKind;
  start: number;
  end: number;
}

// The furniture before a dateline (caption, standfirst) sits in the first few blocks.
const DATELINE_SEARCH_BLOCKS = 5;

function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}

function furnitureKind(text: string, index: number, title: string | null): UnitKind | null {
  if (index === 0 && title && sameHeadline(text, title)) return 'headline';
  if (isRelated(text)) return 'related';
  if (isByline(text)) return 'byline';
  if (isCreditBlock(text)) return 'credit';
  if (looksLikeHeading(text)) return 'headline';
  return null;
}

/** Index of the block that opens with a dateline, if one of the first blocks does. */
function findDatelineBlock(text: string, blocks: Block[], title: string | null): number {
  const limit = Math.min(blocks.length, DATELINE_SEARCH_BLOCKS);
  for (let i = 0; i < limit; i++) {
    const t = text.slice(blocks[i].start, blocks[i].end);
    if (furnitureKind(t, i, title)) continue;
    if (datelineLength(t) > 0) return i;
  }
  return -1;
}

/** Pushes the caption + credit of a block, or returns false when the block carries no credit. */
function pushCaptioned(units: RawUnit[], text: string, b: Block): boolean {
  const t = text.slice(b.start, b.end);
  const credit = trailingCredit(t);
  if (!credit || credit.start > 400) return false;
  const [cs, ce] = trimRange(text, b.start, b.start + credit.start);
  if (ce > cs) units.push({ kind: 'caption', start: cs, end: ce });
  units.push({ kind: 'credit', start: b.start + credit.start, end: b.start + credit.end });
  return true;
}

function pushSentences(units: RawUnit[], text: string, start: number, end: number): void {
  [start, end] = trimRange(text, start, end);
  for (const [s, e] of splitSentences(text, start, end)) {
    const t = text.slice(s, e);
    // A "Read more" or credit line glued into a paragraph is still not a claim.
    if (isRelated(t)) units.push({ kind: 'related', start: s, end: e });
    else if (isCreditBlock(t)) units.push({ kind: 'credit', start: s, end: e });
    else units.push({ kind: 'sentence', start: s, end: e });
  }
}

export function segmentUnits(text: string, title: string | null): RawUnit[] {
  const blocks = splitBlocks(text);
  const datelineBlock = findDatelineBlock(text, blocks, title);
  const units: RawUnit[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const t = text.slice(b.start, b.end);
    const furniture = furnitureKind(t, i, title);
    if (furniture) {
      units.push({ kind: furniture, start: b.start, end: b.end });
      continue;
    }
    if (pushCaptioned(units, text, b)) continue;
    if (i < datelineBlock) {
      // Between the headline and the dateline: the standfirst (a caption would carry a credit).
      units.push({ kind: 'standfirst', start: b.start, end: b.end });
      continue;
    }
    let from = b.start;
    if (i === datelineBlock) {
      const len = datelineLength(t);
      units.push({ kind: 'dateline', start: b.start, end: b.start + len });
      from = b.start + len;
    }
    pushSentences(units, text, from, b.end);
  }
  return units;
}
