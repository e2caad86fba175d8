import { createHash } from 'node:crypto';
import { startTestDesk, type TestDesk } from '@claimdesk/testing';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The directives of a Content-Security-Policy header, each as its list of sources. */
function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name, sources]));
}

describe('/docs (Swagger UI): a Content-Security-Policy its own page satisfies, and assets that load', () => {
  let desk: TestDesk;
  const get = (url: string) => desk.api.inject({ method: 'GET', url });

  beforeAll(async () => {
    desk = await startTestDesk({ workers: 0 });
  });
  afterAll(async () => {
    await desk?.close();
  });

  it('covers every inline bit of the page by hash, allows no inline script, and loads every asset from this origin', async () => {
    const page = await get('/docs');
    expect(page.statusCode).toBe(200);
    const csp = directives(String(page.headers['content-security-policy']));
    expect(csp['default-src']).toEqual(["'none'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['style-src']).not.toContain("'unsafe-inline'");
    expect(csp['frame-ancestors']).toEqual(["'none'"]);

    const html = page.body;
    const inlineScripts = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]).filter((s) => s.trim());
    for (const script of inlineScripts) expect(csp['script-src']).toContain(sha256(script));
    const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]);
    const styleAttributes = [...html.matchAll(/\sstyle="([^"]*)"/gi)].map((m) => m[1]);
    expect(styles.length + styleAttributes.length).toBeGreaterThan(0); // the page has inline styles: they must be covered
    for (const style of styles) expect(csp['style-src']).toContain(sha256(style));
    for (const attribute of styleAttributes) expect(csp['style-src']).toEqual(expect.arrayContaining(["'unsafe-hashes'", sha256(attribute)]));

    const assets = [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((m) => new URL(m[1], 'http://desk.test/docs'));
    expect(assets.length).toBeGreaterThanOrEqual(5);
    for (const asset of assets) {
      expect(asset.origin).toBe('http://desk.test'); // 'self'
      expect([asset.pathname, (await get(asset.pathname)).statusCode]).toEqual([asset.pathname, 200]);
    }
  });

  it('sends /docs/ and /docs/index.html to /docs, where the relative asset links resolve', async () => {
    for (const alias of ['/docs/', '/docs/index.html', '/docs//']) {
      const answer = await get(alias);
      expect([alias, answer.statusCode, answer.headers.location]).toEqual([alias, 301, '/docs']);
    }
    // Assets below /docs/ are not aliases.
    expect((await get('/docs/swagger-ui.css')).statusCode).toBe(200);
  });

  it('gives every other answer a policy that loads nothing', async () => {
    const health = await get('/health');
    expect(directives(String(health.headers['content-security-policy']))['default-src']).toEqual(["'none'"]);
  });
});
