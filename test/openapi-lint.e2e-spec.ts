import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestDesk, type TestDesk } from '@claimdesk/testing';

const run = promisify(execFile);
const bin = (name: string) => join(__dirname, '..', 'node_modules', '.bin', name);

describe('the served OpenAPI document passes Redocly CLI lint (recommended ruleset)', () => {
  let desk: TestDesk;
  let dir: string;
  beforeAll(async () => {
    desk = await startTestDesk({ workers: 0 });
    dir = await mkdtemp(join(tmpdir(), 'claimdesk-openapi-'));
  });
  afterAll(async () => {
    await desk?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('has 0 errors and 0 warnings', async () => {
    const served = await desk.api.inject({ method: 'GET', url: '/docs-json' });
    expect(served.statusCode).toBe(200);
    const file = join(dir, 'openapi.json');
    await writeFile(file, served.body);
    // The accepted findings, each with its reason (README): Redocly reads them beside the document.
    await copyFile(join(__dirname, '..', 'apps/api/src/openapi/redocly-lint-ignore.yaml'), join(dir, '.redocly.lint-ignore.yaml'));
    const { stdout } = await run(bin('redocly'), ['lint', 'openapi.json', '--extends', 'recommended', '--format', 'json'], {
      cwd: dir,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { totals: { errors: number; warnings: number }; problems: Array<{ ruleId: string; message: string; location: Array<{ pointer: string }> }> };
    const problems = report.problems.map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0, ignored: 3 });
  });
});
