import { unitsOf, sentencesOf } from '../test-helpers';

describe('segmentUnits (through extractClaims)', () => {
  it('splits caption, credit and dateline off the story', () => {
    const body =
      'Nicolas Maduro says the meetings were authorised by him. (Reuters pic)\n\n' +
      'MEXICO CITY: Venezuelan officials have been holding \u201csecret meetings\u201d for months, President Nicolas Maduro said.';
    expect(unitsOf(body)).toEqual([
      'caption: Nicolas Maduro says the meetings were authorised by him.',
      'credit: (Reuters pic)',
      'dateline: MEXICO CITY:',
      'sentence: Venezuelan officials have been holding \u201csecret meetings\u201d for months, President Nicolas Maduro said.',
    ]);
  });

  it('recognises wire datelines with a date or an agency', () => {
    expect(unitsOf('OSLO, March 16 - Norway\'s parliament has approved a trade ban.')[0]).toBe('dateline: OSLO, March 16 -');
    expect(unitsOf('WASHINGTON (Reuters) - The Senate voted 52-48 on Tuesday.')[0]).toBe('dateline: WASHINGTON (Reuters) -');
    expect(unitsOf('LONDON, Jan. 5 (AP) -- Prices rose 3%.')[0]).toBe('dateline: LONDON, Jan. 5 (AP) --');
  });

  it('does not mistake an acronym opening a sentence for a dateline', () => {
    expect(unitsOf('US: the numbers are in.')[0]).toBe('sentence: US: the numbers are in.');
  });

  it('handles hard-wrapped, indented wire copy and the "Reuter" sign-off', () => {
    const body =
      '    OSLO, March 16 - Norway\'s parliament has approved an\nextensive trade ban, officials said.\n' +
      '    "The legislation must not be seen as an\nisolated measure," the minister told parliament.\n Reuter\n';
    expect(unitsOf(body)).toEqual([
      'dateline: OSLO, March 16 -',
      "sentence: Norway's parliament has approved an\nextensive trade ban, officials said.",
      'sentence: "The legislation must not be seen as an\nisolated measure," the minister told parliament.',
      'credit: Reuter',
    ]);
  });

  it('marks the headline when the body repeats the title', () => {
    expect(unitsOf('Venezuela, US met secretly\n\nThe talks lasted months.', { title: 'Venezuela, US met secretly' })[0]).toBe(
      'headline: Venezuela, US met secretly',
    );
  });

  it('recognises bylines and related-link lines', () => {
    const body = 'By Jane Smith and John Doe, Reuters\n\nThe talks failed on Monday.\n\nRead more: Venezuela crisis explained\n\nRELATED: Maduro speaks';
    expect(unitsOf(body)).toEqual([
      'byline: By Jane Smith and John Doe, Reuters',
      'sentence: The talks failed on Monday.',
      'related: Read more: Venezuela crisis explained',
      'related: RELATED: Maduro speaks',
    ]);
  });

  it('treats the block between headline and dateline as a standfirst', () => {
    const body = 'Talks collapse as sanctions bite\n\nCARACAS: The government broke off talks on Tuesday.';
    expect(unitsOf(body, { title: 'Talks collapse as sanctions bite' })).toEqual([
      'headline: Talks collapse as sanctions bite',
      'dateline: CARACAS:',
      'sentence: The government broke off talks on Tuesday.',
    ]);
    const withStandfirst = 'The government walks out, blaming new US sanctions.\n\nCARACAS: The government broke off talks on Tuesday.';
    expect(unitsOf(withStandfirst)[0]).toBe('standfirst: The government walks out, blaming new US sanctions.');
  });

  it('makes each bullet its own unit, without the bullet marker', () => {
    const body = 'Key points:\n\u2022 Unemployment fell to 4.1% in May.\n- Wages rose 3.2 per cent.\n* Inflation was 2%.';
    expect(sentencesOf(body)).toEqual(['Key points:', 'Unemployment fell to 4.1% in May.', 'Wages rose 3.2 per cent.', 'Inflation was 2%.']);
  });

  it('keeps spans exact across NBSP and HTML entities', () => {
    const body = '<p>MEXICO&nbsp;CITY: The deal was worth &pound;5m,&nbsp;officials said.</p><p>It failed.</p>';
    const units = unitsOf(body);
    expect(units).toEqual(['dateline: MEXICO&nbsp;CITY:', 'sentence: The deal was worth &pound;5m,&nbsp;officials said.', 'sentence: It failed.']);
  });
});
