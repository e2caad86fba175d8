/**
 * Domain errors: what went wrong in the terms of the desk. Services throw these; the edges (REST
 * problem+json, GraphQL error codes) map them once, so no transport-specific error leaks inward.
 */
export interface FieldProblem {
  field: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly code: string;
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  readonly code = 'VALIDATION_FAILED';
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '), { errors: problems });
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(resource: string, id: string) {
    super(`${resource} ${id} not found`, { resource, id });
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
}

/** A state conflict: illegal transition, lost race, duplicate. details carry the current state. */
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
}

/** A dependency (Postgres, Redis) is down: the client should retry later. */
export class UnavailableError extends DomainError {
  readonly code = 'UNAVAILABLE';
}
