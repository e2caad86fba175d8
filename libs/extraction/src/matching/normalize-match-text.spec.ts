import { normalizeMatchText, splitCamelCase } from './normalize-match-text';

describe('normalizeMatchText', () => {
  it('strips a tweet embed attribution, links and glued picture links, and keeps the author', () => {
    const m = normalizeMatchText('Illinois GOP bill attacks single moms https://t.co/wDGczl94dF — Morgan Fairchild (@morgfair) February 25, 2016');
    expect(m).toEqual({ text: 'Illinois GOP bill attacks single moms', author: 'Morgan Fairchild' });
    expect(normalizeMatchText('The US drone attack caught on camera.#IranUsapic.twitter.com/TvRkHvlgby').text).toBe('The US drone attack caught on camera.Iran Usa');
  });

  it('keeps the words of handles and hashtags, drops their sigils and fact-check labels', () => {
    expect(normalizeMatchText('Fact check: bounty on @realDonaldTrump #FreeIran2020').text).toBe('bounty on real Donald Trump Free Iran 2020');
    expect(normalizeMatchText('RT @someone: www.example.com/x the claim').text).toBe('the claim');
  });

  it('leaves plain prose alone', () => {
    expect(normalizeMatchText('  Unemployment fell to 3.5%  in May. ')).toEqual({ text: 'Unemployment fell to 3.5% in May.', author: null });
    expect(splitCamelCase('USArmy_CGSC')).toBe('US Army CGSC');
  });
});
