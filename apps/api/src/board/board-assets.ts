import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * The board's pages may run only their own scripts and styles and talk only to this origin (the
 * REST API and its event stream): no inline script, no other origin, no framing, no plugins.
 */
export const BOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

/**
 * The board's sources (`apps/api/board`), found from the checkout root whether this file runs from
 * source (Jest) or from `dist` (npm start, the Docker image): the files are plain ES modules served as
 * written, so there is no build output that could be missing or stale.
 */
export function boardDirectory(from = __dirname): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'apps', 'api', 'board');
    if (existsSync(join(dir, 'package.json')) && existsSync(join(candidate, 'index.html'))) return candidate;
  }
  throw new Error(`the board's files (apps/api/board/index.html) were not found above ${from}`);
}

/** Reads the board's files once, at start; a name outside this folder's own files is a 404. */
export function loadBoardAssets(dir = boardDirectory()): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const name of readdirSync(dir)) {
    const type = TYPES[extname(name)];
    if (!type) continue;
    const body = readFileSync(resolve(dir, name));
    assets.set(name, { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` });
  }
  return assets;
}

/** What to answer for one board file: the file, 304 for a matching ETag, or a problem+json 404. */
export function boardResponse(assets: Map<string, Asset>, name: string, ifNoneMatch: string | undefined): { status: number; headers: Record<string, string>; body?: Buffer | string } {
  const asset = assets.get(name);
  if (!asset) {
    const problem = { type: 'about:blank', title: 'Not Found', status: 404, detail: `no board file ${name}`, code: 'NOT_FOUND' };
    return { status: 404, headers: { 'Content-Type': 'application/problem+json' }, body: JSON.stringify(problem) };
  }
  const headers = { 'Content-Security-Policy': BOARD_CSP, 'Cache-Control': 'no-cache', ETag: asset.etag };
  if (ifNoneMatch === asset.etag) return { status: 304, headers };
  return { status: 200, headers: { ...headers, 'Content-Type': asset.type }, body: asset.body };
}

/** `GET /board` (the page) and `GET /board/<file>` (its modules and styles), public: the data needs a token. */
export function registerBoard(app: NestFastifyApplication, assets = loadBoardAssets()): void {
  const fastify = app.getHttpAdapter().getInstance();
  for (const path of ['/board', '/board/', '/board/:file']) {
    fastify.get(path, (request, reply) => {
      const name = (request.params as { file?: string }).file ?? 'index.html';
      const answer = boardResponse(assets, name, request.headers['if-none-match']);
      return reply.status(answer.status).headers(answer.headers).send(answer.body);
    });
  }
}
