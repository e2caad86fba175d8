import type { Role } from '@prisma/client';

export interface PersonInput {
  name: string;
  email: string;
  role: Role;
  topics: string[];
  languages: string[];
  capacity: number;
  /** Ceiling for the person's own capacity changes; defaults to `capacity`. */
  maxCapacity?: number;
  conflicts?: string[];
}

/** What an admin may change about a person (PATCH /people/:id). */
export interface PersonPatch {
  name?: string;
  role?: Role;
  topics?: string[];
  languages?: string[];
  capacity?: number;
  maxCapacity?: number;
  active?: boolean;
  availableFrom?: Date | null;
  availableUntil?: Date | null;
  conflicts?: string[];
}

/** What a person may change about themselves (PATCH /me). */
export type SelfPatch = Pick<PersonPatch, 'availableFrom' | 'availableUntil' | 'capacity' | 'conflicts'>;
