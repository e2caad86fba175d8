import { createHash } from 'node:crypto';

/** Every answer but the docs page: nothing may be loaded, framed or run from an API response. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The docs page's inline styles, as `'sha256-...'` sources: `<style>` elements and `style=""` attributes. */
export function inlineStyleHashes(html: string): { elements: string[]; attributes: string[] } {
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const elements = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => hash(m[1]));
  const attributes = [...html.matchAll(/\sstyle="([^"]*)"/gi)].map((m) => hash(m[1]));
  return { elements: [...new Set(elements)], attributes: [...new Set(attributes)] };
}

/**
 * The Swagger UI page's policy: scripts and styles from this origin only (the page has no inline
 * script; the UI's assets are served locally from /docs/), its own inline styles allowed by hash
 * (computed from the page actually sent, so an upgrade of the UI cannot silently break it or widen
 * it), images also as data: URIs (the UI's icons), requests only back to this origin (the document
 * at /docs-json and "try it out").
 */
export function docsCsp(html: string): string {
  const { elements, attributes } = inlineStyleHashes(html);
  const styles = ["'self'", ...elements, ...(attributes.length ? ["'unsafe-hashes'", ...attributes] : [])].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src ${styles}`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** The page's other addresses: its assets are linked relative to /docs, so they are sent there. */
const DOCS_ALIASES = /^\/docs(\/|\/index\.html|\/\/+)(\?.*)?$/;

interface DocsHost {
  addHook(name: 'onRequest', hook: (request: { url: string }, reply: { redirect(url: string, code: number): unknown }) => Promise<unknown>): unknown;
}

/**
 * `/docs/` and `/docs/index.html` redirect to `/docs`: the UI's page links its assets as
 * `./docs/...`, which from those addresses resolves to /docs/docs/... (404), and `/docs//` would
 * serve the raw swagger-ui-dist page with its demo initializer.
 */
export function redirectDocsAliases(instance: DocsHost): void {
  instance.addHook('onRequest', async (request, reply) => {
    const match = DOCS_ALIASES.exec(request.url);
    if (match) return reply.redirect(`/docs${match[2] ?? ''}`, 301);
  });
}
