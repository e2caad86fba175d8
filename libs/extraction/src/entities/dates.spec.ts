import { findDates } from './dates';

const published = new Date('2019-08-21T10:00:00Z'); // a Wednesday
const dates = (s: string, at: Date | null = published) => findDates(s, at).map((d) => [d.text, d.iso]);

describe('findDates', () => {
  it('resolves weekdays backwards from publication', () => {
    expect(dates('Maduro said in a speech broadcast Tuesday on state television.')).toEqual([['Tuesday', '2019-08-20']]);
    expect(dates('Cabello on Monday denied a report.')).toEqual([['on Monday', '2019-08-19']]);
    expect(dates('The vote was last Wednesday.')).toEqual([['last Wednesday', '2019-08-14']]);
  });

  it('puts a day without a year in the past, never the future', () => {
    expect(dates('On April 30, Guaido appeared outside an airbase.')).toEqual([['April 30', '2019-04-30']]);
    expect(dates('On December 3 the talks began.')).toEqual([['December 3', '2018-12-03']]);
  });

  it('keeps explicit years and month-year dates', () => {
    expect(dates('The target applies by March 2006.')).toEqual([['March 2006', '2006-03']]);
    expect(dates('It happened on Jan. 5, 2004 in Paris.')).toEqual([['Jan. 5, 2004', '2004-01-05']]);
    expect(dates('Taxes owed for the years from 2000 onwards.')).toEqual([['2000', '2000']]);
  });

  it('resolves relative expressions', () => {
    expect(dates('Representatives met both sides last week.')).toEqual([['last week', '2019-W33']]);
    expect(dates('Earlier this month, the talks broke off.')).toEqual([['Earlier this month', '2019-08']]);
    expect(dates('Two years ago the plan failed.')).toEqual([['Two years ago', '2017']]);
    expect(dates('It rained yesterday.')).toEqual([['yesterday', '2019-08-20']]);
  });

  it('returns null where there is no publication date to resolve against', () => {
    expect(dates('Cabello on Monday denied a report.', null)).toEqual([['on Monday', null]]);
  });

  it('does not read the modal "may" as a month', () => {
    expect(dates('Elections may happen soon.')).toEqual([]);
  });
});
