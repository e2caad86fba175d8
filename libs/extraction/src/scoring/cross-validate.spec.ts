import { idBlockFolds, outOfFoldScores } from './cross-validate';
import { DEFAULT_TRAIN_OPTIONS, featurise } from './train';

describe('id-block cross-validation', () => {
  it('cuts rows sorted by numeric id into contiguous blocks, whatever the file order', () => {
    const ids = ['30', '2', '11', '100', '5', '40'];
    const folds = idBlockFolds(ids, 3);
    // Sorted: 2 5 | 11 30 | 40 100
    expect(Object.fromEntries(ids.map((id, i) => [id, folds[i]]))).toEqual({ '2': 0, '5': 0, '11': 1, '30': 1, '40': 2, '100': 2 });
  });

  it('refuses non-numeric ids and fewer than two folds', () => {
    expect(() => idBlockFolds(['a', 'b'], 2)).toThrow(/numeric/);
    expect(() => idBlockFolds(['1', '2'], 1)).toThrow(/2 folds/);
  });

  it('scores every row with a model that never saw its block', () => {
    const texts = [
      'Unemployment fell to 4.1 percent last year.',
      'Thank you very much.',
      'We cut taxes by $3 billion in 2017.',
      'What do you think?',
      'The deficit rose 20 percent in 2019.',
      'I love this country.',
    ];
    const labels = [true, false, true, false, true, false];
    const scores = outOfFoldScores(featurise(texts), labels, idBlockFolds(['1', '2', '3', '4', '5', '6'], 3), { ...DEFAULT_TRAIN_OPTIONS, epochs: 50, minCount: 1 });
    expect(scores).toHaveLength(6);
    for (const s of scores) expect(s).toBeGreaterThan(0);
  });
});
