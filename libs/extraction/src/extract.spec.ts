import { readFileSync } from 'fs';
import { resolve } from 'path';
import { DEFAULT_CHECKWORTHY_THRESHOLD, extractClaims, scoreSentence } from './extract';
import { splitPlainText } from './segment/plain-text';
import { BUNDLED_MODEL } from './scoring/model';

const FIXTURE = resolve(__dirname, '../../../test/fixtures/articles/venezuela-us-secret-meetings.txt');

describe('extractClaims on the sample article', () => {
  const raw = readFileSync(FIXTURE, 'utf8');
  const { title, body } = splitPlainText(raw);
  const result = extractClaims({ title, body, publishedAt: new Date('2019-08-21T00:00:00Z') });

  it('keeps caption, credit and dateline out of the claims', () => {
    expect(result.units.slice(0, 3).map((u) => [u.kind, u.text])).toEqual([
      ['caption', 'Nicolas Maduro says the meetings were authorised by him.'],
      ['credit', '(Reuters pic)'],
      ['dateline', 'MEXICO CITY:'],
    ]);
    expect(result.claims.some((c) => c.sentence.includes('Reuters pic') || c.sentence.startsWith('MEXICO'))).toBe(false);
  });

  it('gives every claim an exact span and an ordinal in body order', () => {
    result.claims.forEach((c, i) => {
      expect(body.slice(c.spanStart, c.spanEnd)).toBe(c.sentence);
      expect(c.ordinal).toBe(i);
    });
    expect(result.claims[0].sentence.startsWith('Venezuelan officials')).toBe(true);
  });

  it('attributes and normalises speakers', () => {
    expect(result.claims[0].speaker).toBe('Nicolas Maduro');
    expect(result.claims[0].coreText).toBe('Venezuelan officials have been holding \u201csecret meetings\u201d with \u201chigh-ranking\u201d US counterparts for months');
    expect(result.claims[1].speaker).toBe('Nicolas Maduro');
    expect(result.claims[4].speaker).toBe('Diosdado Cabello');
    expect(result.claims[4].parts).toHaveLength(2);
  });

  it('links the closing restatement to the lede and does not route it twice', () => {
    const closing = result.claims.find((c) => c.sentence.startsWith('The meetings with US officials'))!;
    expect(closing.duplicateOf).toBe(0);
    expect(closing.checkworthy).toBe(false);
  });

  it('resolves dates against publication and fills entities and topics', () => {
    const cabello = result.claims[4];
    expect(cabello.entities.dates).toEqual([{ text: 'on Monday', iso: '2019-08-19' }]);
    expect(cabello.entities.people).toContain('Diosdado Cabello');
    expect(cabello.topics).toContain('politics');
  });

  it('reports the threshold and model version, and checkworthy follows the score', () => {
    expect(result.threshold).toBe(DEFAULT_CHECKWORTHY_THRESHOLD);
    expect(result.modelVersion).toMatch(/^checkworthiness/);
    for (const c of result.claims) {
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(1);
      expect(c.checkworthy).toBe(c.score >= result.threshold && c.duplicateOf === null);
      expect(c.reason.length).toBeGreaterThan(0);
    }
  });

  it('scores a sentence the same alone as inside the article, given where it sits', () => {
    for (const c of result.claims) expect(scoreSentence(c.sentence, null, undefined, { lede: c.ordinal === 0 }).score).toBeCloseTo(c.score, 12);
  });

  it('skips a headline left in the body when picking the lede', () => {
    const r = extractClaims({ body: 'Blair says UK tsunami aid to soar\n\nTony Blair has said Britain will give millions in aid.\n\nHe spoke on Sunday.' });
    const ledes = r.claims.filter((c) => c.features.some((f) => f.name === 'lede'));
    expect(ledes.map((c) => c.sentence)).toEqual(['Tony Blair has said Britain will give millions in aid.']);
  });

  it('reads the first sentence as the lede, and the lede counts for it', () => {
    const lede = result.claims[0];
    expect(lede.features.map((f) => f.name)).toContain('lede');
    expect(lede.score).toBeGreaterThan(scoreSentence(lede.sentence).score);
    expect(result.claims.slice(1).some((c) => c.features.some((f) => f.name === 'lede'))).toBe(false);
  });
});

describe('extractClaims edge cases', () => {
  it('returns no claims for an empty body', () => {
    expect(extractClaims({ body: '' })).toMatchObject({ units: [], claims: [] });
  });

  it('honours a threshold option', () => {
    const all = extractClaims({ body: 'Taxes rose 5% in 2019. Thanks.' }, { threshold: 0 });
    expect(all.claims.every((c) => c.checkworthy)).toBe(true);
    const none = extractClaims({ body: 'Taxes rose 5% in 2019. Thanks.' }, { threshold: 1.01 });
    expect(none.claims.some((c) => c.checkworthy)).toBe(false);
  });

  it('keeps spans exact with characters outside the BMP', () => {
    const body = 'Fans posted \ud83d\ude00 after the win. The club said 3,000 attended.';
    const r = extractClaims({ body });
    for (const c of r.claims) expect(body.slice(c.spanStart, c.spanEnd)).toBe(c.sentence);
    expect(r.claims).toHaveLength(2);
  });
});

describe('extractClaims with another weights file', () => {
  const body = 'The council cut its budget by 5 percent in 2019. Thank you all for coming.';
  const bundled = extractClaims({ body });
  // A model that knows only a bias: every sentence scores the same, and its own threshold applies.
  const flat = { ...BUNDLED_MODEL, version: 'test.flat', threshold: 0.3, bias: 0, features: {}, ngrams: {} };

  it('scores with the model given, at that model\'s threshold, and names it', () => {
    const r = extractClaims({ body }, { model: flat });
    expect(r.modelVersion).toBe('test.flat');
    expect(r.threshold).toBe(0.3);
    expect(r.claims.map((c) => c.score)).toEqual([0.5, 0.5]);
    expect(r.claims.every((c) => c.checkworthy)).toBe(true);
    expect(bundled.claims.map((c) => c.checkworthy)).toEqual([true, false]);
  });

  it('scoreSentence takes the same model', () => {
    expect(scoreSentence('Thank you all for coming.', null, flat).score).toBe(0.5);
  });
});
