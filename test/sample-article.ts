import { readFileSync } from 'node:fs';
import path from 'node:path';

// A copy of ../shared/fixtures/articles kept in the repository, so a clone anywhere runs the tests.
export const SAMPLE_ARTICLE_PATH = path.resolve(__dirname, 'fixtures/articles/venezuela-us-secret-meetings.txt');

export function sampleArticleText(): string {
  return readFileSync(SAMPLE_ARTICLE_PATH, 'utf8');
}

export interface LabelledUnit {
  text: string;
  start: number;
  end: number;
  kind: string;
  checkworthy: boolean;
  speaker?: string;
}

export function sampleArticleLabels(): LabelledUnit[] {
  return JSON.parse(readFileSync(SAMPLE_ARTICLE_PATH.replace(/\.txt$/, '.claims.json'), 'utf8')).units;
}
