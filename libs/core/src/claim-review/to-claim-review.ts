import type { ClaimReview, Organization, Person, Rating, WithContext } from 'schema-dts';
import { firstSentence } from '@claimdesk/extraction';

/** Everything a ClaimReview is made of, as read from Postgres (one published verdict). */
export interface PublishedVerdict {
  claim: { id: string; text: string; coreText: string | null; speaker: string | null; entities: unknown };
  article: { title: string; url: string | null; outlet: string | null; publishedAt: Date | null; createdAt: Date };
  verdict: { rating: string; rationale: string; decidedAt: Date };
  rating: { label: string; value: number | null };
  /** The earlier review a reused verdict takes its rating from (POST /claims/:id/reuse). */
  basedOn?: { url: string; authorName: string | null } | null;
}

export interface Publisher {
  /** e.g. https://factcheck.example.org/claims/{id} */
  urlTemplate: string;
  orgName: string;
  orgUrl: string;
}

/** The numeric ends of the rating scale (its non-numeric ratings have no value). */
export interface ScaleBounds {
  best: number;
  worst: number;
}

export type ClaimReviewDocument = WithContext<ClaimReview>;

/**
 * schema.org ClaimReview of one published verdict, as Google's fact-check markup and the Fact Check
 * Tools API read it. A rating off the numeric scale (MISLEADING, UNVERIFIABLE) has no ratingValue,
 * bestRating or worstRating: only its label (alternateName). The claim's author is its speaker; an
 * unattributed claim is the outlet's own statement, so its author is the outlet when it has one.
 */
export function toClaimReview(p: PublishedVerdict, publisher: Publisher, scale: ScaleBounds): ClaimReviewDocument {
  const numeric = p.rating.value !== null;
  const reviewRating: Rating = {
    '@type': 'Rating',
    ...(numeric ? { ratingValue: p.rating.value!, bestRating: scale.best, worstRating: scale.worst } : {}),
    alternateName: p.rating.label,
    ratingExplanation: firstSentence(p.verdict.rationale),
  };
  const author = claimAuthor(p);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: publisher.urlTemplate.replaceAll('{id}', p.claim.id),
    claimReviewed: p.claim.coreText?.trim() || p.claim.text,
    datePublished: p.verdict.decidedAt.toISOString(),
    author: { '@type': 'Organization', name: publisher.orgName, url: publisher.orgUrl },
    reviewRating,
    itemReviewed: {
      '@type': 'Claim',
      ...(author ? { author } : {}),
      datePublished: (p.article.publishedAt ?? p.article.createdAt).toISOString(),
      appearance: {
        '@type': 'CreativeWork',
        headline: p.article.title,
        ...(p.article.url ? { url: p.article.url } : {}),
      },
    },
    ...(p.basedOn
      ? {
          isBasedOn: {
            '@type': 'ClaimReview',
            url: p.basedOn.url,
            ...(p.basedOn.authorName ? { author: { '@type': 'Organization', name: p.basedOn.authorName } } : {}),
          },
        }
      : {}),
  };
}

function claimAuthor(p: PublishedVerdict): Person | Organization | null {
  if (p.claim.speaker) {
    return { '@type': isOrganisation(p.claim.speaker, p.claim.entities) ? 'Organization' : 'Person', name: p.claim.speaker };
  }
  return p.article.outlet ? { '@type': 'Organization', name: p.article.outlet } : null;
}

// Speakers that name a body rather than a person ("the trade ministry said", "Reuters reported").
const BODY_WORDS = /\b(ministry|government|department|agency|office|council|committee|party|police|army|bank|company|corporation|commission|court|parliament|senate|congress|union|association|institute|university|spokes(?:wo)?man|officials?)\b/i;

/**
 * The extractor types proper names (entities.organisations): a speaker it listed there is an
 * organisation, and so is one naming a body ("the ministry"); anyone else is a person.
 */
function isOrganisation(speaker: string, entities: unknown): boolean {
  const organisations = (entities as { organisations?: unknown } | null)?.organisations;
  const key = speaker.trim().toLowerCase();
  if (Array.isArray(organisations) && organisations.some((o) => typeof o === 'string' && o.trim().toLowerCase() === key)) return true;
  return /^the\s/i.test(speaker.trim()) || BODY_WORDS.test(speaker);
}
