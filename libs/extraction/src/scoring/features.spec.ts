// The v3 clause-level features, each on real sentences: CLEF CheckThat! 2024 training debates
// (train.tsv, id in the comment), the Reuters/BBC news corpus and the sample article.
import { normalize } from '../text/normalize';
import { FEATURE_INDEX, FEATURE_SPECS, analyseSentence } from './features';

function fired(sentence: string): Set<string> {
  const a = analyseSentence(normalize(sentence).text);
  return new Set(FEATURE_SPECS.filter((_, i) => a.values[i] > 0).map((f) => f.name));
}

describe('v3 clause-level features', () => {
  it('every feature has a readable label and a short form', () => {
    for (const name of ['intention_main', 'belief_main', 'prediction_main', 'conditional_opening', 'hedge', 'first_person_stance', 'question_opening', 'past_action_participants']) {
      const spec = FEATURE_SPECS[FEATURE_INDEX.get(name)!];
      expect(spec.label.length).toBeGreaterThan(10);
      expect(spec.short.length).toBeGreaterThan(2);
    }
  });

  describe('intention / willingness / plans in the main clause', () => {
    it.each([
      'Maduro said he was ready to speak directly with President Donald Trump about Venezuela.', // sample article
      'I think we\'re ready to move.', // train 8623
      'The company plans to appeal the ruling.',
      'We want to cut taxes for the middle class.',
    ])('fires on "%s"', (s) => expect(fired(s).has('intention_main')).toBe(true));

    it.each([
      'But I do believe we have to help our people get ready to succeed in the 21st Century.', // train 19170: "ready" is in a subordinate clause
      'Hope is not a plan.', // no subject before the stance word
      'Venezuelan troops retook the base on Tuesday, officials said.',
      'Chancellor Gordon Brown earlier backed a plan to freeze the foreign debts of all the affected nations.', // news-dev: a noun
      'It took the action to try to prevent the forced sale of Yugansk.', // news-dev: a purpose, inside an infinitive
    ])('does not fire on "%s"', (s) => expect(fired(s).has('intention_main')).toBe(false));

    it('a willingness in the past is not a past event', () => {
      const f = fired('Maduro said he was ready to speak directly with President Donald Trump about Venezuela.');
      expect(f.has('past_event')).toBe(false);
      expect(f.has('past_action_participants')).toBe(false);
    });
  });

  describe('beliefs and impressions', () => {
    it.each([
      'Figuera and Guaido believed other top officials were with them.', // sample article
      'It seems to me that that tax bill does justify my signature.', // train 16497 (shortened)
      'I think the American people are tired of it.',
    ])('fires on "%s"', (s) => expect(fired(s).has('belief_main')).toBe(true));

    it('a belief in a subordinate clause does not govern the claim', () => {
      expect(fired('The report, which officials said they believed was accurate, was published in May.').has('belief_main')).toBe(false);
    });

    it('"believed" is not counted as a past event (its complement\'s "were" still is)', () => {
      expect(fired('Everyone believed him.').has('past_event')).toBe(false);
      expect(fired('Figuera and Guaido believed other top officials were with them.').has('past_event')).toBe(true);
    });
  });

  describe('predictions and conditionals', () => {
    it.each([
      'The greatest country in history will be even greater.',
      "We're going to balance the budget.",
      "They'll raise your taxes.",
    ])('prediction fires on "%s"', (s) => expect(fired(s).has('prediction_main')).toBe(true));

    it('a past statement is not a prediction', () => {
      expect(fired('Unemployment fell to 4.1% in May, the lowest rate since 2001.').has('prediction_main')).toBe(false);
    });

    it.each([
      'If we do those things we will build that bridge to the 21st Century.', // train 26856
      'And if they are learning to read, there will be bonus plans.',
      'Unless Congress acts, the program expires in March.',
    ])('conditional opening fires on "%s"', (s) => expect(fired(s).has('conditional_opening')).toBe(true));

    it('a condition later in the sentence is not an opening condition', () => {
      expect(fired('He asked if the meetings had taken place.').has('conditional_opening')).toBe(false);
    });
  });

  describe('hedges', () => {
    it.each([
      'The official was reportedly detained in Caracas.',
      'It appears to be a sort of compromise.',
      'The talks apparently stalled over the timetable.',
    ])('fires on "%s"', (s) => expect(fired(s).has('hedge')).toBe(true));

    it('a plain report is not hedged', () => {
      expect(fired('Norway has banned South African imports since 1986.').has('hedge')).toBe(false);
    });
  });

  describe('first-person stance', () => {
    it.each([
      'I believe that the Federal government should give people the tools.', // train 19136 (shortened)
      'I really think that was a mistake.',
      "I'm proud of what we did.",
      'In my view the tax cut went to the wrong people.',
    ])('fires on "%s"', (s) => expect(fired(s).has('first_person_stance')).toBe(true));

    it('a first-person report of an action is not a stance', () => {
      expect(fired('We cut the deficit by $300 billion in four years.').has('first_person_stance')).toBe(false);
    });
  });

  describe('questions', () => {
    it.each(['Why did he veto the bill', 'Do you know how many jobs were lost?', 'So what are we going to do about it?'])('fires on "%s"', (s) =>
      expect(fired(s).has('question_opening')).toBe(true),
    );

    it('a "when" clause is not a question', () => {
      expect(fired('When he took office, unemployment was 7.8%.').has('question_opening')).toBe(false);
    });
  });

  describe('reported past actions with concrete participants (positive)', () => {
    it.each([
      'The Kremlin last year seized and sold Yukos\u2019 main production arm to Rosneft for $9.3bn.', // BBC
      'Venezuelan troops retook the base on Tuesday, officials said.',
      'Congress passed the bill in 1996.',
    ])('fires on "%s"', (s) => expect(fired(s).has('past_action_participants')).toBe(true));

    it.each([
      'Figuera and Guaido believed other top officials were with them.', // belief, not an action
      'We did it.', // past, but no named or counted participant
    ])('does not fire on "%s"', (s) => expect(fired(s).has('past_action_participants')).toBe(false));
  });
});

describe('v5 features', () => {
  describe('ongoing_state: a state that holds now, in a claim with a name or a number', () => {
    it.each([
      'Representatives of Venezuela’s opposition are currently in the US to meet with officials there.', // sample article
      'Government and opposition representatives continue to consider elections for lawmakers and the presidency in the coming year or two.', // sample article
      'Venezuelan officials have been holding secret meetings with US counterparts for months.', // sample article
      'About 2,000 patients are still waiting more than a year for treatment.',
      'Unemployment in Spain remains above 20 percent.',
      'Prime Minister Smith remains in office despite the allegations.',
      'Three journalists are still held in Evin prison, Amnesty said.',
    ])('fires on "%s"', (s) => expect(fired(s).has('ongoing_state')).toBe(true));

    it.each([
      'They are currently in talks.', // no named or counted participant
      'Continue to the next page.', // an instruction: nothing before "continue"
      'The company currently employs 2,000 people in Wales.', // a present fact, but no state phrase: left to the other features
      'Guaido and his team appeared outside a Caracas airbase before dawn.',
      // Found by review: a wish, a plan, an adjective, "remains to be seen", -ing words that are no verb.
      'It remains to be seen whether Biden will run again.',
      'Johnson said he would continue to fight for the 2,000 workers.',
      'We cannot continue to tell Americans 20 times.',
      'The fighting continues during the night in Gaza.',
      'The deal has been nothing short of a disaster for Disney.',
      'The plan remains something of a mystery to London planners.',
      'What is now known as Ukraine was part of the Soviet Union.',
      'The weather in London is still unpredictable.',
      'Starmer is now ready to talk to the EU.',
    ])('does not fire on "%s"', (s) => expect(fired(s).has('ongoing_state')).toBe(false));
  });

  describe('lede: set from where the sentence sits, never from its words', () => {
    const s = 'Venezuelan officials have been holding secret meetings with US counterparts for months, President Nicolas Maduro said.';
    const lede = FEATURE_INDEX.get('lede')!;
    it('is 0 for a sentence on its own and 1 when the article says it opens the body', () => {
      expect(analyseSentence(normalize(s).text).values[lede]).toBe(0);
      expect(analyseSentence(normalize(s).text, undefined, { lede: true }).values[lede]).toBe(1);
    });
    it('changes no other feature', () => {
      const alone = analyseSentence(normalize(s).text).values;
      const first = analyseSentence(normalize(s).text, undefined, { lede: true }).values;
      expect(Array.from(first).filter((v, i) => i !== lede && v !== alone[i])).toEqual([]);
    });
  });
});
