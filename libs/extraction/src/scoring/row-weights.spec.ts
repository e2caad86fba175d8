// Article rows in training: a row weight makes a desk's few news labels count against many debate
// lines, and the lede feature is learnt only from rows that carry it.
import { DEFAULT_TRAIN_OPTIONS, featurise, featuriseOne, fitFeaturised, predictFeaturised } from './train';

const OPTS = { ...DEFAULT_TRAIN_OPTIONS, minCount: 1, epochs: 80, useNgrams: false };

describe('row weights and article context in training', () => {
  // The same sentence, labelled both ways: the heavier rows decide which way the fit leans.
  const s = 'Officials have been holding talks with the opposition for months.';

  it('a heavier row pulls the fit towards its label', () => {
    const light = fitFeaturised([featuriseOne(s, undefined, false, 1), featuriseOne(s, undefined, false, 1)], [true, false], OPTS);
    const heavy = fitFeaturised([featuriseOne(s, undefined, false, 5), featuriseOne(s, undefined, false, 1)], [true, false], OPTS);
    const [pLight] = predictFeaturised(light, featurise([s]));
    const [pHeavy] = predictFeaturised(heavy, featurise([s]));
    expect(pLight).toBeCloseTo(0.5, 1);
    expect(pHeavy).toBeGreaterThan(0.7);
  });

  it('no weight is weight 1', () => {
    const implicit = fitFeaturised(featurise([s, 'Thank you.']), [true, false], OPTS);
    const explicit = fitFeaturised([featuriseOne(s, undefined, false, 1), featuriseOne('Thank you.', undefined, false, 1)], [true, false], OPTS);
    expect(explicit).toEqual(implicit);
  });

  it('learns a lede weight only from rows read as ledes', () => {
    const rows = [featuriseOne(s, { lede: true }), featuriseOne(s, {}), featuriseOne(s, { lede: true }), featuriseOne(s, {})];
    const withLedes = fitFeaturised(rows, [true, false, true, false], OPTS);
    expect(withLedes.features.lede).toBeGreaterThan(0.5);
    const none = fitFeaturised(featurise([s, s]), [true, false], OPTS);
    expect(none.features.lede).toBe(0);
  });
});
