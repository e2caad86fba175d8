import type { Person } from '@prisma/client';

/** A person as both doors show it (never their tokens). */
export function toPersonView(p: Person) {
  return {
    id: p.id,
    name: p.name,
    email: p.email,
    role: p.role,
    topics: p.topics,
    languages: p.languages,
    capacity: p.capacity,
    maxCapacity: p.maxCapacity,
    openLoad: p.openLoad,
    active: p.active,
    availableFrom: p.availableFrom?.toISOString() ?? null,
    availableUntil: p.availableUntil?.toISOString() ?? null,
    conflicts: p.conflicts,
    createdAt: p.createdAt.toISOString(),
  };
}
