import { findNumbers } from './numbers';

const nums = (s: string) => findNumbers(s).map((n) => [n.text, n.value, n.unit]);

describe('findNumbers', () => {
  it('reads money with scale words and currency symbols', () => {
    expect(nums('Menatep sued for $28.3bn (\u00a315.2bn).')).toEqual([
      ['$28.3bn', 28.3e9, 'USD'],
      ['\u00a315.2bn', 15.2e9, 'GBP'],
    ]);
    expect(nums('Ms Hutt announced \u00a3264m for health.')).toEqual([['\u00a3264m', 264e6, 'GBP']]);
  });

  it('reads percentages in all their spellings', () => {
    expect(nums('Shares fell 97%, imports 36 pct and exports 5.5 per cent.')).toEqual([
      ['97%', 97, '%'],
      ['36 pct', 36, '%'],
      ['5.5 per cent', 5.5, '%'],
    ]);
  });

  it('attaches the counted noun as the unit', () => {
    expect(nums('41 Britons died and 1,200 people are missing.')).toEqual([
      ['41', 41, 'Britons'],
      ['1,200', 1200, 'people'],
    ]);
    expect(nums('They held talks for two months in an 18-month operation.')).toEqual([
      ['two', 2, 'months'],
      ['18-month', 18, 'month'],
    ]);
  });

  it('skips pronoun "one" and numbers inside names', () => {
    expect(nums('No one should know, the G8 said.')).toEqual([]);
  });

  it('leaves numbers that belong to a date to the date finder', () => {
    expect(findNumbers('On April 30 they met.', [{ start: 3, end: 11 }])).toEqual([]);
  });
});
