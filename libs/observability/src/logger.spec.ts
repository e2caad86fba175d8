import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { PinoNestLogger } from './nest-logger';
import { requestIdFrom, runWithLogFields } from './request-context';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, lines };
}

describe('logs', () => {
  it('writes one JSON object per line, with the context, and an object message as fields', () => {
    const out = capture();
    const nest = new PinoNestLogger(createLogger({ name: 'api', level: 'info', format: 'json', destination: out.stream }));
    nest.warn({ audit: 'access.denied', actor: { personId: 'p1', role: 'VIEWER' } }, 'Audit');
    nest.log('listening', 'api');
    const [audit, listening] = out.lines.map((l) => JSON.parse(l));
    expect(audit).toMatchObject({ level: 'warn', name: 'api', context: 'Audit', audit: 'access.denied', actor: { personId: 'p1', role: 'VIEWER' } });
    expect(listening).toMatchObject({ level: 'info', context: 'api', msg: 'listening' });
  });

  it("keeps Nest's per-module and per-route start-up lines out of info", () => {
    const out = capture();
    const nest = new PinoNestLogger(createLogger({ name: 'api', level: 'info', format: 'json', destination: out.stream }));
    nest.log('CoreModule dependencies initialized', 'InstanceLoader');
    nest.log('Mapped {/articles, POST} route', 'RouterExplorer');
    expect(out.lines).toEqual([]);
  });

  it('adds the request id, queue and job id of the context it is written in', () => {
    const out = capture();
    const nest = new PinoNestLogger(createLogger({ name: 'worker', level: 'info', format: 'json', destination: out.stream }));
    runWithLogFields({ requestId: 'r-1', queue: 'extract', jobId: 'article-1' }, () => nest.log('job completed', 'Job'));
    nest.log('outside', 'Job');
    const [inside, outside] = out.lines.map((l) => JSON.parse(l));
    expect(inside).toMatchObject({ requestId: 'r-1', queue: 'extract', jobId: 'article-1' });
    expect(outside.requestId).toBeUndefined();
  });

  it('writes pretty lines without colour codes when the output is not a terminal', () => {
    const out = capture();
    createLogger({ name: 'api', level: 'info', format: 'pretty', destination: out.stream }).warn('careful');
    expect(out.lines.join('\n')).toContain('careful');
    expect(out.lines.join('\n')).not.toContain('\u001b[');
  });

  it('keeps a short safe x-request-id and replaces anything else with a UUID', () => {
    expect(requestIdFrom('abc-123_X.y:z')).toBe('abc-123_X.y:z');
    for (const bad of [undefined, '', 'a b', 'x'.repeat(129), '<script>', ['a']]) expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
