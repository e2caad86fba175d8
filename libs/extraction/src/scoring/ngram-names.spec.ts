import { analyseSentence, nameMask, ngrams } from './features';
import { fitFeaturised, featurise, predictAll } from './train';
import { DEFAULT_TRAIN_OPTIONS } from './train';

describe('names in the n-grams', () => {
  it('marks the words written with a capital after the first, not "I" and not the first word', () => {
    const a = analyseSentence('Maduro said he was ready to speak directly with President Donald Trump about Venezuela.');
    const mask = nameMask(a.text, a.words.length);
    const marked = a.words.filter((_, i) => mask[i] === 1);
    expect(marked).toEqual(['president', 'donald', 'trump', 'venezuela']);
    const plain = analyseSentence('Then I said no.');
    expect(nameMask(plain.text, plain.words.length).every((x) => x === 0)).toBe(true);
  });

  it('folds names to <name> only when asked, numbers always to <num>', () => {
    const a = analyseSentence('Donald Trump met Kim Jong Un in 2019.');
    expect(ngrams(a.words)).toEqual(expect.arrayContaining(['trump', 'kim jong', '<num>']));
    const folded = ngrams(a.words, nameMask(a.text, a.words.length));
    expect(folded).toEqual(expect.arrayContaining(['<name> met', 'met <name>', '<name> <name>', '<num>']));
    expect(folded).not.toContain('trump');
  });

  it('a model trained with folded names says so, and scores new names through <name>', () => {
    const texts = ['In 2001 Smith voted for the tax cut.', 'Last year Jones cut taxes by 10 percent.', 'Thank you all.', 'What a night.'];
    const labels = [true, true, false, false];
    const opts = { ...DEFAULT_TRAIN_OPTIONS, minCount: 1, epochs: 50, foldNames: true };
    const model = fitFeaturised(featurise(texts, true), labels, opts);
    expect(model.foldNames).toBe(true);
    expect(Object.keys(model.ngrams).some((g) => g.includes('<name>'))).toBe(true);
    expect(Object.keys(model.ngrams).some((g) => g.includes('smith'))).toBe(false);
    const [unseen] = predictAll(model, ['In 2003 Brown voted for the tax cut.']);
    const [courtesy] = predictAll(model, ['Thank you all.']);
    expect(unseen).toBeGreaterThan(courtesy);
  });
});

describe('hand-set weights', () => {
  it('keeps a --fixed feature at its weight through training, next to the built-in priors', () => {
    const texts = ['The minister said taxes rose 5 percent in 2003.', 'Thank you, he said.', 'Taxes rose 5 percent.', 'Thanks.'];
    const model = fitFeaturised(featurise(texts), [true, false, true, false], { ...DEFAULT_TRAIN_OPTIONS, minCount: 1, epochs: 30, fixedPriors: { attributed: 0 } });
    expect(model.features.attributed).toBe(0);
    expect(model.features.reporting_meta).toBe(-3);
  });
});
