import { speakersOf as speakers } from '../test-helpers';
import { followQuotations } from './quote-continuation';

describe('quotations followed across sentences', () => {
  it('gives a quote opened before its closing "..., she said." that speaker', () => {
    expect(
      speakers(
        'Ms Hutt said achievements had been made. "We are turning the corner on long waits in Wales. ' +
          'Now we need to see those reductions improved again," she said.',
      ),
    ).toEqual(['Hutt', 'Hutt', 'Hutt']);
  });

  it('gives the rest of a quote introduced by "X said:" to X', () => {
    expect(
      speakers(
        'Rhodri Glyn Thomas, Plaid Cymru health spokesman said: "It\'s exactly the same target she set in 1999. ' +
          'It\'s a failed target, from a failed minister."',
      ),
    ).toEqual(['Rhodri Glyn Thomas', 'Rhodri Glyn Thomas']);
  });

  it('reopens a quote across paragraphs and ignores a frame quoted inside it', () => {
    expect(
      speakers(
        'Conservative health spokesman Jonathan Morgan said: "We\'re spending more money.\n\n' +
          '"The Audit Commission has said that the money is not being spent efficiently."\n\nThe figures fell.',
      ),
    ).toEqual(['Jonathan Morgan', 'Jonathan Morgan', null]);
    // Wire copy: indented paragraphs, the first left open, the next reopened and attributed.
    expect(
      speakers(
        '    "Many would say the law has had its effect," Foreign Ministry spokesman Per Paust told Reuters.\n' +
          '    "Norwegian business started restructuring its relations\nin anticipation of the law.\n' +
          '    "No one has said the boycott will have a profound effect," he said.\n',
      ),
    ).toEqual(['Per Paust', 'Per Paust', 'Per Paust']);
  });

  it('gives a free-standing quote to the speaker just cited, and nothing after narration', () => {
    expect(
      speakers(
        '"However, much remains to be done," Dr Richard Lewis said. "Capacity must be built into the system."',
      ),
    ).toEqual(['Richard Lewis', 'Richard Lewis']);
    expect(
      speakers('The figures fell by 9.8% in November. "Capacity must be built into the system."'),
    ).toEqual([null, null]);
  });

  it('closes a quote left open at the end of a paragraph that the next does not reopen', () => {
    expect(
      speakers('Jane Hutt said: "We are turning the corner.\n\nWaiting lists fell by 9.8% in November.'),
    ).toEqual(['Jane Hutt', null]);
  });

  it("keeps a sentence's own frame outside the quotation", () => {
    const out = followQuotations(
      [
        { text: '"We acted fast.', newParagraph: true, framePhrase: null },
        { text: 'It worked," Maduro said, and Cabello agreed.', newParagraph: false, framePhrase: 'Maduro' },
      ],
      [null, 'Nicolas Maduro'],
    );
    expect(out).toEqual(['Nicolas Maduro', 'Nicolas Maduro']);
  });
});
