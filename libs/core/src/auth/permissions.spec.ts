import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { permissionTableMarkdown } from './permission-table';
import { authorize, redactEvent, visibleVerdicts } from './permissions';
import type { Principal } from './principal';

const person = (role: Principal['role'], id = role.toLowerCase()): Principal => ({ id, name: id, role });

describe('permission table', () => {
  it('is published in README.md exactly as the code has it', () => {
    const readme = readFileSync(join(__dirname, '../../../../README.md'), 'utf8');
    expect(readme).toContain(permissionTableMarkdown());
  });

  it('refuses a role the table leaves out, naming the action', () => {
    expect(() => authorize(person('VIEWER'), 'article.ingest')).toThrow('VIEWER may not article.ingest');
    expect(() => authorize(person('EDITOR'), 'article.ingest')).not.toThrow();
  });

  it('shows unpublished verdicts to editors, their author and the assignee only', () => {
    const verdicts = [
      { id: 'draft', status: 'SUBMITTED', authorId: 'author' },
      { id: 'out', status: 'APPROVED', authorId: 'author' },
    ];
    expect(visibleVerdicts(person('EDITOR'), verdicts, null).map((v) => v.id)).toEqual(['draft', 'out']);
    expect(visibleVerdicts(person('REVIEWER', 'author'), verdicts, null).map((v) => v.id)).toEqual(['draft', 'out']);
    expect(visibleVerdicts(person('REVIEWER', 'next'), verdicts, 'next').map((v) => v.id)).toEqual(['draft', 'out']);
    expect(visibleVerdicts(person('REVIEWER', 'other'), verdicts, 'next').map((v) => v.id)).toEqual(['out']);
    expect(visibleVerdicts(person('VIEWER', 'next'), verdicts, 'next').map((v) => v.id)).toEqual(['out']);
  });

  it("leaves an unpublished verdict's rating and the editor's note out of the feed for those who may not read them", () => {
    const submitted = { type: 'claim.submitted', payload: { rating: 'FALSE', assignmentId: 'a' } };
    expect(redactEvent(person('VIEWER'), submitted).payload).toEqual({ assignmentId: 'a' });
    expect(redactEvent(person('EDITOR'), submitted).payload).toEqual({ rating: 'FALSE', assignmentId: 'a' });
    const returned = { type: 'claim.returned', payload: { note: 'cite it', verdictId: 'v' } };
    expect(redactEvent(person('REVIEWER'), returned).payload).toEqual({ verdictId: 'v' });
    const published = { type: 'claim.published', payload: { rating: 'FALSE' } };
    expect(redactEvent(person('VIEWER'), published)).toBe(published);
  });
});
