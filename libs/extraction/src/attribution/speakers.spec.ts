import { extractClaims } from '../extract';

const speakers = (body: string) => extractClaims({ body }).claims.map((c) => c.speaker);

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
