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

  it('follows no quotation left unclosed, and keeps a frame of its own', () => {
    // A single line break ends a paragraph in a body with no blank lines or indents.
    expect(
      speakers(
        'Jones, the mayor, said the vote was "a disgrace.\nCouncil tax rose by 5 percent in April. ' +
          'The council employs 4,000 people, officials said. Reserves stand at 20 million pounds.',
      ),
    ).toEqual(['Jones', null, 'officials', null]);
    // Unclosed to the end of the text, within one paragraph.
    expect(
      speakers('Jones said the vote was "a disgrace. Council tax rose by 5 percent in April. Reserves stand at 20 million pounds.'),
    ).toEqual(['Jones', null, null]);
  });

  it('reads a quote with space on both sides as closing, and gives narration after it to nobody', () => {
    expect(
      speakers(
        'Brown said the plan was bad. "We will win, " Smith said. The election is on May 5. ' +
          'Turnout was 60 percent in 2019, the lowest since 1950.',
      ),
    ).toEqual(['Brown', 'Smith', null, null]);
  });

  it('takes a quote opened mid-sentence inside an open one as a sign the first was never closed', () => {
    expect(
      speakers('Jones said the vote was "a disgrace. Council tax rose. The mayor said it was "fair".'),
    ).toEqual(['Jones', null, 'mayor']);
  });

  it('follows a quote reopened after a single line break in a body without blank lines or indents', () => {
    expect(
      speakers('Jane Hutt said: "We are turning the corner.\n"Waits are falling.\n"And we will go on," she said.'),
    ).toEqual(['Jane Hutt', 'Jane Hutt', 'Jane Hutt']);
  });

  it('does not end a paragraph at a hard-wrapped line in wire copy or in a body with blank lines', () => {
    // The line break after "waits." is a wrap inside the paragraph: the quote runs on to "she said".
    const quote = '"We are turning the corner on long waits.\nNow we need to see those reductions improved," she said.\n';
    expect(speakers(`    Jane Hutt said the figures were good.\n    ${quote}`)).toEqual(['Jane Hutt', 'Jane Hutt', 'Jane Hutt']);
    expect(speakers(`Jane Hutt said the figures were good.\n\n${quote}`)).toEqual(['Jane Hutt', 'Jane Hutt', 'Jane Hutt']);
  });

  it('never overwrites a sentence that names its own speaker outside the quote', () => {
    const out = followQuotations(
      [
        { text: 'Jones said: "We acted fast.', newParagraph: true, framePhrase: 'Jones' },
        { text: 'Prices fell, officials said.', newParagraph: false, framePhrase: 'officials' },
        { text: 'It worked," she said.', newParagraph: false, framePhrase: 'she' },
      ],
      ['Jones', 'officials', 'Jones'],
    );
    expect(out).toEqual(['Jones', 'officials', 'Jones']);
  });
});
