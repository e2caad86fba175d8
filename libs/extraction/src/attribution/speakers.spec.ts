import { speakersOf as speakers } from '../test-helpers';

describe('speaker normalisation across an article', () => {
  it('drops titles and maps surnames to the full name', () => {
    expect(
      speakers(
        'Officials met for months, President Nicolas Maduro said. "We talked," Maduro said. ' +
          'Venezuela Socialist Party Vice President Diosdado Cabello denied a report. Mr. Cabello said it was false.',
      ),
    ).toEqual(['Nicolas Maduro', 'Nicolas Maduro', 'Diosdado Cabello', 'Diosdado Cabello']);
  });

  it('resolves "he" to the last named speaker', () => {
    expect(speakers('Reagan said he had been silent. "I have begun correcting this," he added.')).toEqual(['Reagan', 'Reagan']);
  });

  it('leaves "he" unresolved when another person became the subject since', () => {
    expect(speakers('Maduro said the talks failed. Guaido held talks of his own. He said they failed too.')).toEqual([
      'Maduro',
      null,
      null,
    ]);
  });

  it('keeps groups and drops the article: "the officials" -> "officials"', () => {
    expect(speakers('Elections could happen next year, the officials said. The Foreign Office says 41 Britons died.')).toEqual([
      'officials',
      'Foreign Office',
    ]);
  });

  it('maps a surname met first to the full name given later in the article', () => {
    expect(speakers('"We acted," Hutt said. Welsh Health Minister Jane Hutt said no patient would wait a year.')).toEqual([
      'Jane Hutt',
      'Jane Hutt',
    ]);
  });
});

describe('speakers resolved against the article', () => {
  it('resolves "he said" after a quote that opens with a capitalised word', () => {
    expect(
      speakers(
        '"My heart tells me that is true, but the facts tell me it is not," Reagan said. ' +
          '"There are reasons why it happened, but no excuses. It was a mistake," he said.',
      ),
    ).toEqual(['Reagan', 'Reagan', 'Reagan']);
  });

  it('resolves a role noun to the one person introduced with that title', () => {
    expect(
      speakers(
        'Chancellor Gordon Brown earlier backed a plan. The chancellor said the plan would save $3bn.',
      ),
    ).toEqual([null, 'Gordon Brown']);
    expect(
      speakers('Welsh Health Minister Jane Hutt set a target. The health minister said it would be met.'),
    ).toEqual([null, 'Jane Hutt']);
    // Two spokesmen introduced: "the spokesman" stays as written.
    expect(
      speakers(
        'Conservative health spokesman Jonathan Morgan was critical. Foreign Ministry spokesman Per Paust was not. ' +
          'The spokesman said the law worked.',
      ),
    ).toEqual([null, null, 'spokesman']);
  });

  it('continues a plural group with "they" in the next sentence only', () => {
    expect(
      speakers('Critics said the bill leaves the door open. They called for stricter sanctions.'),
    ).toEqual(['Critics', 'Critics']);
    expect(speakers('Critics said the bill leaves the door open. Prices rose. They said it again.')).toEqual([
      'Critics',
      null,
      null,
    ]);
    expect(speakers('Maduro said the talks failed. They said it again.')).toEqual(['Maduro', null]);
  });
});
