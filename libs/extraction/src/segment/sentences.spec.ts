import { sentencesOf } from '../test-helpers';
import { splitSentences } from './sentences';

const split = (t: string) => splitSentences(t, 0, t.length).map(([s, e]) => t.slice(s, e));

describe('splitSentences', () => {
  it('splits ordinary sentences', () => {
    expect(split('The talks failed. Maduro blamed Washington! Was it true?')).toEqual([
      'The talks failed.',
      'Maduro blamed Washington!',
      'Was it true?',
    ]);
  });

  it('does not split after titles: Dr., Gen., Mr., Sen.', () => {
    expect(split('Dr. Jane Smith met Gen. John Kelly and Sen. Tim Kaine. They talked.')).toEqual([
      'Dr. Jane Smith met Gen. John Kelly and Sen. Tim Kaine.',
      'They talked.',
    ]);
  });

  it('keeps U.S. inside a sentence but ends one on "U.S. The"', () => {
    expect(split('U.S. officials said the U.S. economy grew. It did.')).toEqual(['U.S. officials said the U.S. economy grew.', 'It did.']);
    expect(split('The envoy flew to the U.S. The talks began on Monday.')).toEqual([
      'The envoy flew to the U.S.',
      'The talks began on Monday.',
    ]);
  });

  it('keeps month abbreviations before a day: Jan. 5', () => {
    expect(split('The vote was held on Jan. 5 in Caracas. It passed.')).toEqual(['The vote was held on Jan. 5 in Caracas.', 'It passed.']);
  });

  it('keeps initials and middle initials', () => {
    expect(split('George W. Bush met J. K. Rowling in London. Nobody knew why.')).toEqual([
      'George W. Bush met J. K. Rowling in London.',
      'Nobody knew why.',
    ]);
  });

  it('never splits decimals, money or "No. 10"', () => {
    expect(split('Growth was 3.5 per cent, or $28.3bn, said No. 10 on Tuesday. Fine.')).toEqual([
      'Growth was 3.5 per cent, or $28.3bn, said No. 10 on Tuesday.',
      'Fine.',
    ]);
  });

  it('keeps a quote that closes after the full stop with its sentence', () => {
    expect(split('He said: "It was a mistake." The speech ended.')).toEqual(['He said: "It was a mistake."', 'The speech ended.']);
  });

  it('does not split on a question mark inside a quote followed by the attribution', () => {
    expect(split('"Why now?" he asked. Nobody answered.')).toEqual(['"Why now?" he asked.', 'Nobody answered.']);
  });

  it('splits before a sentence that opens with a quote', () => {
    expect(split('Maduro spoke. "We met," he said.')).toEqual(['Maduro spoke.', '"We met," he said.']);
  });

  it('keeps "U.S.-backed" and an ellipsis followed by lower case', () => {
    expect(split('He armed U.S.-backed rebels... and then stopped. Later he lied.')).toEqual([
      'He armed U.S.-backed rebels... and then stopped.',
      'Later he lied.',
    ]);
  });

  it('splits before an opening quote after a word wink takes for an abbreviation (in., no., etc.)', () => {
    expect(split('Much money would have to be put in. "My estimate is several hundred million pounds," he said.')).toEqual([
      'Much money would have to be put in.',
      '"My estimate is several hundred million pounds," he said.',
    ]);
    expect(split('He said no. (The vote came later.) It passed.')).toEqual(['He said no.', '(The vote came later.)', 'It passed.']);
    expect(split('He met Dr. "Doc" Brown.')).toEqual(['He met Dr. "Doc" Brown.']);
  });

  it('keeps a.m./p.m. and Inc. inside a sentence unless a sentence opener follows', () => {
    expect(split('The vote closed at 9 p.m. Tuesday in Caracas. Acme Inc. said it grew. It did.')).toEqual([
      'The vote closed at 9 p.m. Tuesday in Caracas.',
      'Acme Inc. said it grew.',
      'It did.',
    ]);
  });

  it('maps boundaries back exactly across tabs, double spaces and line breaks', () => {
    const t = "We can't  go.\tWe're gonna win.\nThey said so.";
    expect(split(t)).toEqual(["We can't  go.", "We're gonna win.", 'They said so.']);
  });

  it('splits curly-quoted text exactly, through extractClaims (spans on the original)', () => {
    const body = 'The government said it seeks a new \u201cmechanism.\u201d Norway\u2019s envoy met both sides.';
    expect(sentencesOf(body)).toEqual([
      'The government said it seeks a new \u201cmechanism.\u201d',
      'Norway\u2019s envoy met both sides.',
    ]);
  });

  it('handles a very long paragraph in linear time', () => {
    const para = Array.from({ length: 3000 }, (_, i) => `Sentence number ${i} was about the U.S. budget.`).join(' ');
    const t0 = Date.now();
    expect(split(para)).toHaveLength(3000);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
