import { averagePrecision, bestF1Threshold, parseLabelledTsv, prf, smoothedF1Threshold } from './metrics';

describe('eval metrics', () => {
  it('computes P/R/F1 of the positive class', () => {
    const r = prf([true, true, false, false], [true, false, true, false]);
    expect(r).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
  });

  it('computes average precision of a ranking', () => {
    expect(averagePrecision([true, false, true], [0.9, 0.8, 0.7])).toBeCloseTo((1 + 2 / 3) / 2);
  });

  it('finds the F1-best cut and a smoothed one', () => {
    const gold = [true, true, false, false];
    const scores = [0.9, 0.8, 0.3, 0.1];
    expect(bestF1Threshold(gold, scores).f1).toBe(1);
    const t = smoothedF1Threshold(gold, scores).threshold;
    expect(t).toBeGreaterThan(0.3);
    expect(t).toBeLessThanOrEqual(0.8);
  });

  it('parses a CheckThat TSV and reports malformed lines instead of guessing', () => {
    const skipped: number[] = [];
    const rows = parseLabelledTsv('Sentence_id\tText\tclass_label\n1\tTaxes rose 5%.\tYes\n2\tHello.\tNo29286\tBad\tNo\n3\tThanks.\tNo\n', (l) =>
      skipped.push(l),
    );
    expect(rows).toEqual([
      { id: '1', text: 'Taxes rose 5%.', label: true },
      { id: '3', text: 'Thanks.', label: false },
    ]);
    expect(skipped).toEqual([3]);
  });
});
