import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What every log line written inside one request or one job carries. */
export interface LogFields {
  requestId?: string;
  queue?: string;
  jobId?: string;
}

const storage = new AsyncLocalStorage<LogFields>();

/** Runs fn with these fields as the log context of everything it does, awaits included. */
export function runWithLogFields<T>(fields: LogFields, fn: () => T): T {
  return storage.run(fields, fn);
}

export function currentLogFields(): LogFields | undefined {
  return storage.getStore();
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

// Short and safe to print and to put in job data: letters, digits and - _ . : only, at most 128.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** An incoming x-request-id if it is short and made of safe characters, else a new UUID. */
export function requestIdFrom(header: unknown): string {
  return typeof header === 'string' && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}

export function isSafeRequestId(value: unknown): value is string {
  return typeof value === 'string' && SAFE_REQUEST_ID.test(value);
}
