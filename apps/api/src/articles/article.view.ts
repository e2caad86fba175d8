import type { Article } from '@prisma/client';

/** The REST shape of an article: ids as strings, times ISO 8601, the content hash kept internal. */
export function toArticleView(a: Article) {
  return {
    id: a.id,
    title: a.title,
    body: a.body,
    url: a.url,
    outlet: a.outlet,
    language: a.language,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    priority: a.priority,
    status: a.status,
    failureReason: a.failureReason,
    revision: a.revision,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
