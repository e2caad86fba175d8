import { FactCheckRecord } from './fact-check-record';

/**
 * The CheckThat! claim-matching collection format (`vclaim_id, vclaim, title`, one header line, no
 * quoting). It has no review URL, so the id becomes one: a URL id is kept, anything else is stored
 * as `urn:vclaim:<id>` (vclaimIdOf() reverses it). The id is never matched on.
 */
export const VCLAIM_URN = 'urn:vclaim:';

export function parseVclaimsTsv(text: string): FactCheckRecord[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = (lines.shift() ?? '').split('\t');
  const idCol = header.indexOf('vclaim_id');
  const claimCol = header.indexOf('vclaim');
  const titleCol = header.indexOf('title');
  if (idCol < 0 || claimCol < 0) throw new Error('the TSV needs a header with vclaim_id and vclaim (and optionally title)');
  return lines.map((line, i) => {
    const cols = line.split('\t');
    const id = cols[idCol]?.trim();
    if (!id) throw new Error(`line ${i + 2}: vclaim_id is empty`);
    return {
      url: /^https?:\/\//.test(id) ? id : `${VCLAIM_URN}${id}`,
      claimReviewed: cols[claimCol] ?? '',
      title: titleCol >= 0 ? cols[titleCol] || null : null,
      origin: 'IMPORTED' as const,
    };
  });
}

export function vclaimIdOf(url: string): string {
  return url.startsWith(VCLAIM_URN) ? url.slice(VCLAIM_URN.length) : url;
}

/** `query_id, text` (queries) or `query_id, vclaim_id` (qrels): the first two columns of each line after the header. */
export function parsePairsTsv(text: string): Array<[string, string]> {
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [a, b] = line.split('\t');
      return [a, b ?? ''];
    });
}
