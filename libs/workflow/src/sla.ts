// Due times of assignments per priority (DESIGN.md step 4, `CLAIMDESK_SLA_MINUTES`).

import { type Priority, PRIORITIES } from './priority';

export const DEFAULT_SLA_MINUTES: Readonly<Record<Priority, number>> = Object.freeze({
  BREAKING: 30,
  HIGH: 120,
  NORMAL: 480,
  LOW: 1440,
});

/** Upper bound on one SLA: anything past a year is a typo, and unbounded values overflow Date. */
export const MAX_SLA_MINUTES = 366 * 24 * 60;

// Minutes may be fractional ("NORMAL=0.05" is 3 seconds) so end-to-end tests can shorten deadlines
// to seconds; no sign, no exponent, no hex: what a person would type.
const MINUTES = /^\d+(\.\d+)?$/;

/**
 * Parses "BREAKING=30,HIGH=120,NORMAL=480,LOW=1440" into minutes per priority. Keys are
 * case-insensitive, whitespace around parts is ignored, missing keys take DEFAULT_SLA_MINUTES, and an
 * empty spec means all defaults. Anything else (unknown key, duplicate key, empty part, missing `=`,
 * non-positive or non-numeric minutes) throws an Error quoting the offending part, so config
 * validation can stop the process with a message a person can act on.
 */
export function parseSlaMinutes(spec: string): Record<Priority, number> {
  const result: Record<Priority, number> = { ...DEFAULT_SLA_MINUTES };
  if (spec.trim() === '') return result;

  const seen = new Set<Priority>();
  spec.split(',').forEach((raw, index) => {
    const part = raw.trim();
    const where = `SLA minutes: part ${index + 1}`;
    if (part === '') throw new Error(`${where} is empty (expected PRIORITY=MINUTES, e.g. HIGH=120)`);
    const eq = part.indexOf('=');
    if (eq < 0) throw new Error(`${where} "${part}" has no "=" (expected PRIORITY=MINUTES, e.g. HIGH=120)`);

    const key = part.slice(0, eq).trim().toUpperCase();
    const value = part.slice(eq + 1).trim();
    if (!(PRIORITIES as readonly string[]).includes(key)) {
      throw new Error(
        `${where} "${part}": unknown priority "${key}" (expected one of ${PRIORITIES.join(', ')})`,
      );
    }
    const priority = key as Priority;
    if (seen.has(priority)) throw new Error(`${where} "${part}": ${priority} is given twice`);
    seen.add(priority);

    const minutes = Number(value);
    if (!MINUTES.test(value) || !(minutes > 0) || minutes > MAX_SLA_MINUTES) {
      throw new Error(
        `${where} "${part}": minutes must be a number greater than 0 and at most ${MAX_SLA_MINUTES}`,
      );
    }
    result[priority] = minutes;
  });
  return result;
}

/** When an assignment of this priority made at `from` falls due (whole milliseconds). */
export function dueAt(priority: Priority, from: Date, sla: Record<Priority, number>): Date {
  const minutes = sla[priority];
  if (!(minutes > 0) || !Number.isFinite(minutes)) {
    throw new Error(`SLA minutes for ${priority} must be a positive number, got ${String(minutes)}`);
  }
  return new Date(from.getTime() + Math.round(minutes * 60_000));
}

/**
 * When an offer made at `from` lapses unless the reviewer accepts it (CLAIMDESK_OFFER_TIMEOUT_MINUTES).
 * The due time of the work itself (dueAt) starts only at acceptance: an offer nobody looked at must
 * not eat into the next reviewer's time.
 */
export function offerExpiresAt(from: Date, minutes: number): Date {
  if (!(minutes > 0) || !Number.isFinite(minutes)) {
    throw new Error(`offer timeout minutes must be a positive number, got ${String(minutes)}`);
  }
  return new Date(from.getTime() + Math.round(minutes * 60_000));
}

/** Why an overdue live assignment is taken back, in the words the event log stores. */
export function expiryReason(status: 'OFFERED' | 'ACCEPTED'): string {
  return status === 'OFFERED' ? 'offer not accepted in time' : 'due time passed';
}
