import { contentStems, findDuplicates } from './duplicates';

const stems = (s: string) => contentStems(s.toLowerCase().match(/[a-z0-9]+(?:-[a-z0-9]+)*/g) ?? []);

describe('restatements', () => {
  it('links a closing restatement of the lede by the same speaker', () => {
    const lede = stems('Venezuelan officials have been holding secret meetings with high-ranking US counterparts for months');
    const other = stems('Representatives of Norway met with both sides last week in Venezuela');
    const closing = stems('The meetings with US officials have been shrouded in total secrecy');
    expect(findDuplicates([
      { stems: lede, speaker: 'Nicolas Maduro' },
      { stems: other, speaker: null },
      { stems: closing, speaker: 'Nicolas Maduro' },
    ])).toEqual([null, null, 0]);
  });

  it('does not link sentences that share only a word or two', () => {
    expect(findDuplicates([
      { stems: stems('Maduro said he was ready to speak directly with Trump'), speaker: 'Nicolas Maduro' },
      { stems: stems('Maduro decided not to send his delegation to Barbados'), speaker: null },
    ])).toEqual([null, null]);
  });
});
