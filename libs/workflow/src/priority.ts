// Claim priorities, their order and their weight on a reviewer's capacity (issue 4).

export const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'BREAKING'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Higher rank = served first. Sort descending by rank to get BREAKING, HIGH, NORMAL, LOW. */
export const PRIORITY_RANK: Readonly<Record<Priority, number>> = Object.freeze({
  LOW: 0,
  NORMAL: 1,
  HIGH: 2,
  BREAKING: 3,
});

/**
 * Capacity units one open claim of this priority takes from its reviewer (Person.openLoad counts
 * units, Person.capacity is a budget of units).
 *
 * BREAKING costs 2 because a breaking claim has the tightest due time (30 minutes by default) and
 * needs the reviewer's undivided attention: charging double stops the router from stacking several
 * breaking claims, or a breaking claim on a nearly full inbox, on one person. Everything else costs 1
 * so that an admin's "capacity 5" still reads as "five ordinary claims". Costs are integers because
 * openLoad is an Int column that the router's SQL updates atomically.
 *
 * Consequence worth knowing: a reviewer with capacity 1 never receives a BREAKING claim from the
 * router (an editor can still assign it with `force`).
 */
export const PRIORITY_COST: Readonly<Record<Priority, number>> = Object.freeze({
  LOW: 1,
  NORMAL: 1,
  HIGH: 1,
  BREAKING: 2,
});

const PRIORITY_SET: ReadonlySet<string> = new Set(PRIORITIES);

export function isPriority(value: unknown): value is Priority {
  return typeof value === 'string' && PRIORITY_SET.has(value);
}

/** Negative when `a` should be served before `b` (for Array.prototype.sort). */
export function comparePriority(a: Priority, b: Priority): number {
  return PRIORITY_RANK[b] - PRIORITY_RANK[a];
}

/**
 * BullMQ job priority for a claim: BullMQ serves LOWER numbers first (1 is the highest; 0 means
 * "no priority" and would be served before all prioritised jobs), the opposite of PRIORITY_RANK.
 * Mapping it here once keeps that inversion out of every producer.
 */
export function queuePriority(priority: Priority): number {
  return PRIORITY_RANK.BREAKING - PRIORITY_RANK[priority] + 1;
}
