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

  it('finds a mid-sentence ", X said, adding ..."', () => {
    expect(frame('The important thing was action and not words, he said, adding that of the £50m only "six or seven million" had been spent.')).toEqual({
      speaker: 'he',
      verb: 'said',
      core: 'The important thing was action and not words',
    });
    expect(frame('Exports would recover by spring, the minister said, noting that orders had "picked up" in March.')?.speaker).toBe('the minister');
  });

  it('finds a speaker before a colon and a quote, after a participle or prepositional opener', () => {
    const blair = frame('Asked about criticism that he did not cut short his holiday, Mr Blair told BBC Radio 4\'s Today programme: "I don\'t think this is a situation."');
    expect(blair).toEqual({ speaker: 'Mr Blair', verb: 'told', core: "I don't think this is a situation." });
    expect(frame('Rhodri Glyn Thomas, Plaid Cymru health spokesman said: "It\'s exactly the same target she set in 1999.')?.speaker).toBe('Rhodri Glyn Thomas');
    expect(frame('Pressed on the cost, the mayor said: "We will find the money."')?.speaker).toBe('the mayor');
    expect(frame('In a televised speech last November 13, Reagan called charges that he ransomed hostages "utterly false."')?.speaker).toBe('Reagan');
    expect(frame('As recently as two months ago in his State of the Union speech, Reagan said that "serious mistakes were made".')?.speaker).toBe('Reagan');
  });

  it('keeps a listed name from passing as "Name, role said"', () => {
    expect(frame('Maduro, Cabello and Guaido said they had met.')).toBeNull();
  });

  it('takes a long participle or prepositional appositive out of the speaker', () => {
    expect(frame('President Reagan, fighting to regain public confidence in the wake of the Iran arms scandal, admitted tonight that the operation was a mistake.')?.speaker).toBe(
      'President Reagan',
    );
    expect(frame('Health analyst Tony Beddow, from the Welsh Institute for Health and Social Care, called the new targets "reasonably impressive".')?.speaker).toBe(
      'Health analyst Tony Beddow',
    );
  });

  it('prefers the name in apposition to a description', () => {
    expect(frame('According to its Paris lawyer, Emmanuel Gaillard of Shearman and Sterling, the overall claim is based on that figure.')).toEqual({
      speaker: 'Emmanuel Gaillard',
      verb: 'according to',
      core: 'the overall claim is based on that figure.',
    });
    expect(frame('The company\'s chief executive, Anna Berg, said profits would fall.')?.speaker).toBe('Anna Berg');
    expect(frame('According to Menatep, the government broke the treaty.')?.speaker).toBe('Menatep');
  });

  it('takes verbs of stance only with a quoted view or as "called for"', () => {
    expect(frame('For the Welsh Liberal Democrats, Kirsty Williams called the new target "hugely unambitious".')).toEqual({
      speaker: 'Kirsty Williams',
      verb: 'called',
      core: 'the new target "hugely unambitious".',
    });
    expect(frame('Dr Richard Lewis, Welsh secretary of the British Medical Association (BMA), welcomed the new targets "to make further progress".')?.speaker).toBe(
      'Dr Richard Lewis',
    );
    expect(frame('They called for stricter sanctions to stop all Norwegian shipping to South Africa.')?.speaker).toBe('They');
    expect(frame('He called his mother on Sunday.')).toBeNull();
    expect(frame('The city welcomed two million tourists last year.')).toBeNull();
  });

  it('finds lowercase groups after a conjunction or at the end, and plural "estimate"', () => {
    expect(frame('But critics say the sell-off is part of an attempt to bring the industry back under state control.')?.speaker).toBe('critics');
    expect(frame('But the company said no more than it had to.')?.speaker).toBe('the company');
    expect(frame('The trade has dropped sharply to one cargo in the last three months, trade ministry officials said.')?.speaker).toBe(
      'trade ministry officials',
    );
    expect(frame('Oil shipments on Norwegian\ntankers may continue, government officials said.')?.speaker).toBe('government officials');
    expect(frame('Metals manufacturers estimate some 2,000 jobs could be affected by the boycott.')).toEqual({
      speaker: 'Metals manufacturers',
      verb: 'estimate',
      core: 'some 2,000 jobs could be affected by the boycott.',
    });
    expect(frame('"My estimate is we will need to spend several hundred million pounds.')).toBeNull();
  });

  it('finds a speaker shared by two verbs: "X backed the plan but said ..."', () => {
    expect(frame('Tory leader Michael Howard also backed the proposals but said ministers had been "playing catch-up".')).toEqual({
      speaker: 'Tory leader Michael Howard',
      verb: 'said',
      core: 'ministers had been "playing catch-up".',
    });
    expect(frame('The bank raised its rates and warned that inflation would stay high.')?.speaker).toBe('The bank');
  });

  it('finds no frame where a group is only a subject', () => {
    expect(frame('Critics of the plan were not invited.')).toBeNull();
    expect(frame('Sweden, in a similar move last week, promised to halt all trade with South Africa by October.')).toBeNull();
  });

  describe('a frame set in commas inside the claim', () => {
    // The subject before the frame is part of the claim, not its speaker.
    it.each([
      ['The decision, the minister said, was final.', 'the minister'],
      ['The economy, the president said, is growing faster than expected.', 'the president'],
      ['The new law, the chancellor added, would save 3 billion pounds.', 'the chancellor'],
      ['Brown, the mayor said, was a fine man.', 'the mayor'],
      ['Exports, the ministry said, rose 3 percent in May.', 'the ministry'],
    ])('%s', (sentence, speaker) => {
      // The claim sits on both sides of the frame and a core is one range: the whole sentence.
      expect(frame(sentence)).toEqual({ speaker, verb: expect.any(String), core: sentence });
    });

    it('drops an opener that is all there is before the frame', () => {
      expect(frame('However, the ministry said, exports would recover.')).toEqual({
        speaker: 'the ministry',
        verb: 'said',
        core: 'exports would recover.',
      });
    });

    it('still reads a trailing frame followed by adverbials or a participle', () => {
      expect(frame('The deal is dead, he said, in a speech on Tuesday.')?.core).toBe('The deal is dead');
      expect(frame('Exports fell, the ministry said on Monday.')?.core).toBe('Exports fell');
    });

    it('keeps "Name, role said," before the quote it introduces', () => {
      expect(frame('Rhodri Glyn Thomas, Plaid Cymru health spokesman said, "It is the same target."')?.speaker).toBe('Rhodri Glyn Thomas');
    });

    it('does not read a list of speakers as "Name, role said"', () => {
      expect(frame('John, his brother and a police officer said they saw the car.')?.speaker).not.toBe('John');
    });
  });

  describe('verbs of stance', () => {
    // The quote must be the view of the verb's object, not a name or another clause's words.
    it.each([
      'She called the number on the "contact us" page.',
      'The city welcomed the team home after its "miracle" season.',
      'The band hailed a taxi outside the "Blue Note" club.',
      'He called the police after hearing a "loud bang".',
      'The minister praised the firefighters, who said the blaze was "terrifying".',
    ])('no speaker: %s', (sentence) => {
      expect(frame(sentence)).toBeNull();
    });

    it('keeps a quoted view after a long object', () => {
      expect(frame('Reagan called charges that he ransomed hostages and undercut the U.S. war on terrorism "utterly false."')?.speaker).toBe('Reagan');
      expect(frame('Mr Smith called the decision "outrageous" and vowed to appeal.')?.speaker).toBe('Mr Smith');
    });

    it('takes "called for" only after a person, a group or an institution', () => {
      expect(frame('The recipe calls for two eggs.')).toBeNull();
      expect(frame('The plan calls for 500 new homes by 2030.')).toBeNull();
      expect(frame('The situation called for calm.')).toBeNull();
      expect(frame('Unions called for a strike.')?.speaker).toBe('Unions');
      expect(frame('The government called for calm.')?.speaker).toBe('The government');
      expect(frame('The UN called for a ceasefire.')?.speaker).toBe('The UN');
    });
  });

  describe('phrases that are not speakers', () => {
    it('never starts a speaker with a conjunction ("and the officials")', () => {
      expect(frame('Prices fell, and the officials said, adding that it was temporary.')).toBeNull();
    });

    it('never takes a relative clause into a speaker ("man who")', () => {
      expect(frame('The man who lived next door moved away and denied everything.')).toBeNull();
    });

    it('reads "reported a loss" as an event and an opener as no claim', () => {
      expect(frame('In 2019, the company reported a loss.')).toBeNull();
      expect(frame('The company reported a 5% rise in profits.')).toBeNull();
      expect(frame('The company reported that profits fell.')?.speaker).toBe('The company');
      expect(frame('In a statement, the company said profits fell.')).toEqual({ speaker: 'the company', verb: 'said', core: 'profits fell.' });
    });

    it('does not invert a verb and its object after a subject and its appositive', () => {
      expect(frame('The board, chaired by Smith, rejected the bid.')?.speaker).not.toBe('the bid');
      expect(frame('The Times, a British newspaper, reported the story first.')?.speaker).not.toBe('the story first');
    });
  });

  it('stays fast on long sentences full of commas and quotes', () => {
    const long = [
      `The decision${', the minister said'.repeat(110)} was final.`,
      'He called the "plan" a "disaster" '.repeat(60),
      'a, "b", c d e f g, "h i" j said, '.repeat(62),
      `Smith called ${'the word '.repeat(220)}"bad".`,
    ];
    for (const s of long) {
      const t = process.hrtime.bigint();
      for (let i = 0; i < 10; i++) findAttribution(s);
      expect(Number(process.hrtime.bigint() - t) / 1e6 / 10).toBeLessThan(5);
    }
  });
});
