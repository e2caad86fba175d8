import { collectPeople, namedEntities } from './names';

describe('named entities', () => {
  const sentences = [
    'Venezuelan officials have been holding meetings with US counterparts, President Nicolas Maduro said.',
    'Venezuela Socialist Party Vice President Diosdado Cabello on Monday denied an AP report.',
  ];
  const people = collectPeople(sentences);

  it('collects full names and their surnames', () => {
    expect(people.get('Maduro')).toBe('Nicolas Maduro');
    expect(people.get('Cabello')).toBe('Diosdado Cabello');
  });

  it('separates people, organisations and places', () => {
    expect(namedEntities(sentences[1], people)).toEqual({
      people: ['Diosdado Cabello'],
      organisations: ['Venezuela Socialist Party', 'AP'],
      places: [],
    });
    expect(namedEntities('Maduro met envoys in Caracas and Mexico City with the Supreme Court.', people)).toEqual({
      people: ['Nicolas Maduro'],
      organisations: ['Supreme Court'],
      places: ['Caracas', 'Mexico City'],
    });
  });

  it('does not take sentence openers, months or days for names', () => {
    expect(namedEntities('Meanwhile, on Monday in April the talks failed.', people)).toEqual({ people: [], organisations: [], places: [] });
  });

  it('leaves a surname shared by two people unmapped', () => {
    const map = collectPeople(['George Bush met Jeb Bush.']);
    expect(map.has('Bush')).toBe(false);
  });
});
