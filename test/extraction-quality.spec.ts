// Regression floor for extraction on every hand-labelled news article in the repository: the sample
// article and the news development set. The floors sit a little under today's numbers (README of
// libs/extraction), so a change that breaks segmentation, attribution or scoring on real news fails
// here instead of passing silently.
import path from 'node:path';
import { evaluateArticle, prf } from '@claimdesk/extraction';
import { readLabelledArticles } from '../scripts/lib/labelled-articles';

const FOLDERS = ['fixtures/articles', 'fixtures/news-dev'].map((f) => path.resolve(__dirname, f));

const evaluations = FOLDERS.flatMap((dir) => readLabelledArticles(dir).map(({ gold, raw }) => evaluateArticle(raw, gold)));

describe('extraction on the labelled news articles', () => {
  it('covers the sample article and the five news-dev stories', () => {
    expect(evaluations.map((e) => e.article).sort()).toHaveLength(6);
  });

  it.each(evaluations.map((e) => [e.article, e] as const))('%s: every unit kind right, nobody given words the reporter wrote', (_name, e) => {
    expect(e.unitKindAccuracy).toBe(1);
    expect(e.nonClaimUnitsRight).toBe(e.nonClaimUnits);
    expect(e.falseAttributions).toBe(0);
  });

  it('finds the right speaker for at least 90% of attributed claims overall', () => {
    const right = evaluations.reduce((n, e) => n + e.speakerRight, 0);
    const attributed = evaluations.reduce((n, e) => n + e.attributedClaims, 0);
    expect(attributed).toBeGreaterThan(80);
    expect(right / attributed).toBeGreaterThanOrEqual(0.9);
  });

  // Since v5 the news-dev sentences are training rows, so the pooled figure is mostly a fit: its
  // floor catches a broken pipeline, not a worse model. The sample article is fitted on by nothing.
  it('keeps pooled check-worthiness F1 at or above 0.85 (0.941 with v5, in-sample for news-dev)', () => {
    const units = evaluations.flatMap((e) => e.units);
    const p = prf(units.map((u) => u.gold.checkworthy), units.map((u) => u.predictedCheckworthy));
    expect(p.f1).toBeGreaterThanOrEqual(0.85);
  });

  it('keeps the sample article at the F1 >= 0.90 the extraction issue asks for (0.917 with v5)', () => {
    const sample = evaluations.find((e) => e.article === 'venezuela-us-secret-meetings.txt')!;
    const p = prf(sample.units.map((u) => u.gold.checkworthy), sample.units.map((u) => u.predictedCheckworthy));
    expect(p.f1).toBeGreaterThanOrEqual(0.9);
  });
});
