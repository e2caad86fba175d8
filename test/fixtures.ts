import { readFileSync } from 'node:fs';
import path from 'node:path';

export const SAMPLE_ARTICLE_PATH = path.resolve(__dirname, '../../shared/fixtures/articles/venezuela-us-secret-meetings.txt');

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
