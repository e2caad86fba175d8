import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { GoldArticle } from '@claimdesk/extraction';

export interface LabelledArticle {
  /** The hand labels (`*.claims.json`). */
  gold: GoldArticle;
  /** The article's text file, as the labels' offsets count it. */
  raw: string;
}

/**
 * Every hand-labelled article in a folder, in file-name order: each `*.claims.json` with the text
 * file it names (`article`, or the same name ending in .txt). A missing folder holds none.
 */
export function readLabelledArticles(dir: string): LabelledArticle[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.claims.json'))
    .sort()
    .map((f) => {
      const gold = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as GoldArticle;
      const raw = readFileSync(path.join(dir, gold.article ?? f.replace(/\.claims\.json$/, '.txt')), 'utf8');
      return { gold, raw };
    });
}
