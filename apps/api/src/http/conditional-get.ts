import type { FastifyReply } from 'fastify';

/** True when If-None-Match names this ETag (weak or strong), or is `*`. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag || candidate.trim() === '*');
}

/** Answers 304 when the client's copy is current; the caller then returns without a body. */
export function notModified(reply: FastifyReply, ifNoneMatch: string | undefined, etag: string): boolean {
  if (!etagMatches(ifNoneMatch, etag)) return false;
  void reply.status(304).header('ETag', etag).header('Cache-Control', 'no-cache');
  return true;
}
