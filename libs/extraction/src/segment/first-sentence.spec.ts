import { firstSentence } from './first-sentence';

describe('firstSentence', () => {
  it.each([
    ['Matches the transcript. The ministry confirmed it.', 'Matches the transcript.'],
    ['Dr. Smith said 3.5% in the U.S. The rest is noise.', 'Dr. Smith said 3.5% in the U.S.'],
    ['  One line only, no full stop', 'One line only, no full stop'],
    ['First paragraph without a stop\n\nSecond paragraph.', 'First paragraph without a stop'],
    ['"Is it true?" he asked. No.', '"Is it true?" he asked.'],
    ['   ', ''],
  ])('%j -> %j', (text, expected) => expect(firstSentence(text)).toBe(expected));
});
