import { cleanSpeakerPhrase } from './speaker-phrase';

describe('cleanSpeakerPhrase', () => {
  it('completes a bare title with the name after it', () => {
    expect(cleanSpeakerPhrase("''There's a lot of new complexity,'' said Mr. Burman.", 'Mr')).toBe('Mr. Burman');
    expect(cleanSpeakerPhrase('"This is a disgusting day," said Rep. G.K. Butterfield (D-N.', 'Rep')).toBe('Rep. G.K. Butterfield');
  });
  it('drops party tags and appositives, keeps the name with its title for the normaliser', () => {
    expect(cleanSpeakerPhrase('', 'Rep. Jane Doe (D-N.Y.), a Democrat from New York')).toBe('Rep. Jane Doe');
    expect(cleanSpeakerPhrase('', 'Senate Majority Leader Mitch McConnell, R-Ky.,')).toBe('Senate Majority Leader Mitch McConnell');
    expect(cleanSpeakerPhrase('', 'Richard Revesz, director of the Institute for Policy Integrity')).toBe('Richard Revesz');
  });
  it('keeps a description whose name follows it for the rules, and refuses days as speakers', () => {
    expect(cleanSpeakerPhrase('', 'its lawyer, Emmanuel Gaillard')).toBe('its lawyer, Emmanuel Gaillard');
    expect(cleanSpeakerPhrase('', 'Tuesday')).toBeNull();
  });
});
