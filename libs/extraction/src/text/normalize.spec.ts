import { normalize, toOriginal } from './normalize';

describe('normalize', () => {
  it('keeps plain ASCII text as it is, with no map (the fast path)', () => {
    const n = normalize('Maduro said it was true.');
    expect(n.text).toBe('Maduro said it was true.');
    expect(n.startMap).toBeNull();
  });

  it('folds curly quotes and NBSP but maps every span back to the original', () => {
    const body = 'He said\u00a0\u201csecret meetings\u201d took place.';
    const n = normalize(body);
    expect(n.text).toBe('He said "secret meetings" took place.');
    const i = n.text.indexOf('"secret');
    const span = toOriginal(n, i, i + '"secret meetings"'.length);
    expect(body.slice(span.start, span.end)).toBe('\u201csecret meetings\u201d');
  });

  it('decodes HTML entities, and a span over one covers the whole entity', () => {
    const body = 'AT&amp;T said it won&#8217;t pay &pound;5m.';
    const n = normalize(body);
    expect(n.text).toBe("AT&T said it won't pay \u00a35m.");
    const span = toOriginal(n, 0, n.text.length);
    expect(body.slice(span.start, span.end)).toBe(body);
    const w = n.text.indexOf("won't");
    const s2 = toOriginal(n, w, w + 5);
    expect(body.slice(s2.start, s2.end)).toBe('won&#8217;t');
  });

  it('turns block tags into paragraph breaks and drops inline tags', () => {
    const n = normalize('<p>One <b>bold</b> claim.</p><p>Two.</p>');
    expect(n.text).toBe('\n\nOne bold claim.\n\n\n\nTwo.\n\n');
  });

  it('leaves unknown entities and a lone ampersand alone', () => {
    expect(normalize('Q&A &bogus; here').text).toBe('Q&A &bogus; here');
  });

  it('treats CRLF as one line break', () => {
    expect(normalize('a\r\nb').text).toBe('a \nb');
  });
});
