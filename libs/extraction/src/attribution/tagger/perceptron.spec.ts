import { viewOf } from './features';
import { loadWeights, scoreSlow, tagSentence, TokenScorer, trainPerceptron } from './perceptron';
import { TAGGER_FILE } from './tagger';
import { tokenize } from './tokens';
import { B_CUE, B_SRC, CON, I_SRC, O } from './tags';

const view = (s: string) => viewOf(tokenize(s), false);

describe('attribution tagger', () => {
  it('scores a token through its word caches exactly as the sum over its named features', () => {
    const weights = loadWeights(TAGGER_FILE);
    const scorer = new TokenScorer(weights);
    const v = view('"We will win," Rep. Jane Doe (D-N.Y.) told reporters on Monday.');
    const fast = new Float64Array(6);
    for (let i = 0; i < v.tokens.length; i++) {
      scorer.score(v, i, fast);
      const slow = scoreSlow(weights, v, i);
      for (let k = 0; k < 6; k++) expect(fast[k]).toBeCloseTo(slow[k], 3);
    }
  });

  it('tags the source and cue of an ordinary frame with the bundled weights', () => {
    const scorer = new TokenScorer(loadWeights(TAGGER_FILE));
    const v = view('The company said profits fell by 10 percent last year.');
    const tags = tagSentence(scorer, v);
    expect(tags[1]).toBe(I_SRC);
    expect(tags[2]).toBe(B_CUE);
    expect(tags[4]).toBe(CON);
  });

  it('learns a frame from a handful of examples, never an inside tag without its beginning', () => {
    const data = ['Smith said taxes rose.', 'Jones said prices fell.', 'Taxes rose.'].map((s) => {
      const v = view(s);
      const gold = s.startsWith('Taxes') ? v.tokens.map(() => O) : v.tokens.map((_, i) => (i === 0 ? B_SRC : i === 1 ? B_CUE : i < 4 ? CON : O));
      return { view: v, gold };
    });
    const weights = trainPerceptron(data, 5, 1);
    const scorer = new TokenScorer(new Map([...weights].map(([f, w]) => [f, Float32Array.from(w)])));
    const tags = tagSentence(scorer, view('Brown said wages rose.'));
    expect(tags.slice(0, 2)).toEqual([B_SRC, B_CUE]);
    const none = tagSentence(scorer, view('Wages rose.'));
    expect(none.every((t, i) => t !== I_SRC || (i > 0 && (none[i - 1] === B_SRC || none[i - 1] === I_SRC)))).toBe(true);
  });
});
