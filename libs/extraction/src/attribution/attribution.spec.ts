import { findAttribution } from './attribution';

function frame(s: string) {
  const a = findAttribution(s);
  return a && { speaker: a.speaker, verb: a.verb, core: s.slice(a.coreStart, a.coreEnd) };
}

describe('findAttribution', () => {
  it('finds a trailing ", X said"', () => {
    expect(frame('Venezuelan officials have been holding "secret meetings" for months, President Nicolas Maduro said.')).toEqual({
      speaker: 'President Nicolas Maduro',
      verb: 'said',
      core: 'Venezuelan officials have been holding "secret meetings" for months',
    });
  });

  it('finds a quote followed by the speaker and adverbials', () => {
    expect(frame('"There have been contacts with US officials," Maduro said in a speech broadcast Tuesday on state television.')).toEqual({
      speaker: 'Maduro',
      verb: 'said',
      core: 'There have been contacts with US officials',
    });
  });

  it('finds a leading "X said ..." and drops "that"', () => {
    expect(frame('Reagan again said that the original Iran initiative was a mistake.')).toEqual({
      speaker: 'Reagan',
      verb: 'said',
      core: 'the original Iran initiative was a mistake.',
    });
  });

  it('skips adverbials between speaker and verb ("on Monday denied")', () => {
    const f = frame('Venezuela Socialist Party Vice President Diosdado Cabello on Monday denied an AP report that he met a US intermediary.');
    expect(f?.speaker).toBe('Venezuela Socialist Party Vice President Diosdado Cabello');
    expect(f?.verb).toBe('denied');
    expect(f?.core).toBe('an AP report that he met a US intermediary.');
  });

  it('handles "according to" at either end, but not in the middle of a clause', () => {
    expect(frame('According to Menatep, the government broke the 1994 Energy Charter Treaty.')?.speaker).toBe('Menatep');
    expect(frame('Elections could come next year, according to participants sworn to secrecy.')).toEqual({
      speaker: 'participants sworn to secrecy',
      verb: 'according to',
      core: 'Elections could come next year',
    });
    expect(frame('They held talks, but, according to the opposition, some reneged on a deal at the last minute.')).toBeNull();
  });

  it('finds an inverted ", said X"', () => {
    expect(frame('The deal is dead, said Foreign Minister Jorge Arreaza.')?.speaker).toBe('Foreign Minister Jorge Arreaza');
  });

  it('accepts a pronoun speaker (resolved later) and "But he said"', () => {
    expect(frame('"I have already begun correcting this," he added in his prepared remarks.')?.speaker).toBe('he');
    expect(frame('But he said that he had issued a directive.')).toEqual({ speaker: 'he', verb: 'said', core: 'he had issued a directive.' });
  });

  it('cuts an appositive clause out of a leading speaker', () => {
    expect(frame('Mr Brown, who was not at the meeting, says he has been in "intensive talks".')?.speaker).toBe('Mr Brown');
  });

  it('does not treat a clause after a trailing verb as adverbial', () => {
    expect(frame('He said that a few months ago, he told the American people he did not trade arms.')?.core).toBe(
      'a few months ago, he told the American people he did not trade arms.',
    );
  });

  it('finds nothing in unattributed or belief sentences', () => {
    expect(frame('He gave no further details on the meetings.')).toBeNull();
    expect(frame('Figuera and Guaido believed other top officials were with them.')).toBeNull();
    expect(frame('The US later lifted sanctions for Figuera, who is currently in the US.')).toBeNull();
  });
});
