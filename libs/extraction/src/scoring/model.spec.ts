import { scoreSentence } from '../extract';
import { BUNDLED_MODEL, reasonFor } from './model';

describe('check-worthiness scoring', () => {
  it('loads a versioned model with provenance and a threshold in (0, 1)', () => {
    expect(BUNDLED_MODEL.version).toMatch(/^checkworthiness\.v\d/);
    expect(BUNDLED_MODEL.threshold).toBeGreaterThan(0);
    expect(BUNDLED_MODEL.threshold).toBeLessThan(1);
    expect(BUNDLED_MODEL.provenance.trainingFile).toBeDefined();
  });

  it('scores a past event with numbers above a courtesy or a question', () => {
    const fact = scoreSentence('The Kremlin last year seized and sold Yukos\u2019 main production arm to Rosneft for $9.3bn.').score;
    const thanks = scoreSentence('Thank you very much, ladies and gentlemen.').score;
    const question = scoreSentence('What are we going to do about it?').score;
    expect(fact).toBeGreaterThan(0.8);
    expect(thanks).toBeLessThan(0.2);
    expect(question).toBeLessThan(0.2);
  });

  it('penalises a remark about the reporting itself', () => {
    expect(scoreSentence('He gave no further details on the meetings.').score).toBeLessThan(0.1);
  });

  it('lists fired features ranked by |contribution|, with readable labels', () => {
    const { features } = scoreSentence('Unemployment fell to 4.1% in May, the lowest rate since 2001, officials said.');
    const sizes = features.map((f) => Math.abs(f.contribution));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    const number = features.find((f) => f.name === 'number');
    expect(number?.label).toBe('mentions a number');
    expect(number?.contribution).toBeCloseTo(number!.value * number!.weight);
  });

  it('labels the length feature by what it measures, so a five-word sentence is not called long', () => {
    const length = scoreSentence('The minister resigned on Monday.').features.find((f) => f.name === 'length');
    expect(length?.value).toBeCloseTo(5 / 40);
    expect(length?.label).toBe('sentence length (words, counted up to 40)');
    expect(length?.label).not.toMatch(/long|detailed/);
  });

  it('builds a reason from the strongest hand features', () => {
    const r = reasonFor(scoreSentence('Unemployment fell to 4.1% in May, the lowest rate since 2001, officials said.').features);
    expect(r).toMatch(/\+/);
    expect(r).toMatch(/money\/percent|number|statistics/);
  });

  it('scores the same whatever the quote style (folding happens first)', () => {
    const a = scoreSentence('\u201cWe met,\u201d Maduro said.').score;
    const b = scoreSentence('"We met," Maduro said.').score;
    expect(a).toBe(b);
  });
});
