import DataLoader from 'dataloader';
import type { Assignment, Person } from '@prisma/client';
import type { BatchReads, VerdictWithEvidence } from '@claimdesk/core';

/** Per-request DataLoaders: every claim of a page shares one query per relation. */
export function createLoaders(batch: BatchReads) {
  return {
    liveAssignment: new DataLoader<string, Assignment | null>((ids) => batch.liveAssignmentsByClaim(ids)),
    person: new DataLoader<string, Person | null>((ids) => batch.peopleById(ids)),
    verdicts: new DataLoader<string, VerdictWithEvidence[]>((ids) => batch.verdictsByClaim(ids)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
