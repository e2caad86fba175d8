// Shared helpers for the specs: run the whole extraction and look at what came out.
import { extractClaims } from './extract';
import type { ExtractionInput, TextUnit } from './types';

/** Sentence texts, exactly as sliced from the body. */
export function sentencesOf(body: string, input: Partial<ExtractionInput> = {}): string[] {
  return extractClaims({ body, ...input }).claims.map((c) => c.sentence);
}

/** Units as "kind: text" lines, easy to compare in a spec. */
export function unitsOf(body: string, input: Partial<ExtractionInput> = {}): string[] {
  return extractClaims({ body, ...input }).units.map((u: TextUnit) => `${u.kind}: ${u.text}`);
}

/** The resolved speaker of each sentence. */
export function speakersOf(body: string): Array<string | null> {
  return extractClaims({ body }).claims.map((c) => c.speaker);
}
