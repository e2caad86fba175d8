import { splitPlainText } from './plain-text';

describe('splitPlainText', () => {
  it('takes the first non-empty line as the headline and drops the blank lines after it', () => {
    const raw = '\n  Venezuela, US met secretly\n\n\nThe story starts here.\nSecond line.';
    const r = splitPlainText(raw);
    expect(r.title).toBe('Venezuela, US met secretly');
    expect(r.body).toBe('The story starts here.\nSecond line.');
    expect(raw.slice(r.bodyOffset)).toBe(r.body);
  });

  it('keeps the indentation of the first body line (wire copy)', () => {
    const raw = 'NORWAY APPROVES BAN\r\n    OSLO, March 16 - Norway approved a ban.';
    const r = splitPlainText(raw);
    expect(r.title).toBe('NORWAY APPROVES BAN');
    expect(r.body).toBe('    OSLO, March 16 - Norway approved a ban.');
    expect(raw.slice(r.bodyOffset)).toBe(r.body);
  });

  it('copes with a headline only, and with empty text', () => {
    expect(splitPlainText('Just a title')).toEqual({ title: 'Just a title', body: '', bodyOffset: 12 });
    expect(splitPlainText('')).toEqual({ title: '', body: '', bodyOffset: 0 });
  });
});
