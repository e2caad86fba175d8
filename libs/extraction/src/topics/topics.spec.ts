import { DEFAULT_TOPIC_LEXICON, parseTopicLexicon, topicsFor } from './topics';

const words = (s: string) => s.toLowerCase().match(/[a-z0-9]+(?:-[a-z0-9]+)*/g) ?? [];

describe('topics', () => {
  it('tags with the default lexicon, prefixes and phrases included', () => {
    expect(topicsFor(words('The US lifted sanctions on the regime'), DEFAULT_TOPIC_LEXICON)).toEqual(['politics', 'international']);
    expect(topicsFor(words('Waiting times at the hospital were cut'))).toEqual(['health']);
  });

  it('uses a desk lexicon given at run time, no code change', () => {
    const desk = parseTopicLexicon({ version: 'desk-1', topics: { oil: ['crude', 'tanker*'] } });
    expect(topicsFor(words('Norwegian tankers carried crude'), desk)).toEqual(['oil']);
  });

  it('rejects a malformed lexicon naming the bad topic', () => {
    expect(() => parseTopicLexicon({ topics: { oil: 'crude' } })).toThrow('topic "oil"');
    expect(() => parseTopicLexicon({})).toThrow('"topics"');
  });
});
