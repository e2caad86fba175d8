import { Prisma } from '@prisma/client';
import { isRetryableTransactionError } from './retryable';
import { ConflictError, DomainError, NotFoundError, UnavailableError, ValidationError } from './domain-errors';

const CONNECTION_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const CONNECTION_MESSAGE = /ECONNREFUSED|ECONNRESET|terminating connection|Connection terminated|timeout exceeded when trying to connect|DatabaseNotReachable|57P01|57P03/i;

/** Turns what Prisma or the pg driver threw into a domain error, or returns null when it is a bug. */
export function mapPrismaError(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    const target = (error.meta?.target as string[] | string | undefined) ?? (error.meta?.field_name as string | undefined);
    switch (error.code) {
      case 'P2002':
        return new ConflictError(`duplicate value for ${String(target ?? 'a unique field')}`, { target });
      case 'P2003':
        return new ValidationError([{ field: String(target ?? 'reference'), message: 'refers to a record that does not exist' }]);
      case 'P2025':
        return new NotFoundError('record', String(error.meta?.modelName ?? ''));
      case 'P2000':
        return new ValidationError([{ field: String(error.meta?.column_name ?? 'value'), message: 'is too long' }]);
      case 'P2034':
        // Deadlock or serialisation failure: nothing was written; the same request can be sent again.
        return new ConflictError('a concurrent change got in the way; retry the request', { retry: true });
      case 'P2028':
        // The interactive transaction ran past its time limit (a database under heavy load).
        return new UnavailableError('the database is too busy to finish this change; retry shortly');
    }
    if (CONNECTION_CODES.has(error.code)) return new UnavailableError('database unavailable');
  }
  if (error instanceof Prisma.PrismaClientInitializationError) return new UnavailableError('database unavailable');
  if (isRetryableTransactionError(error)) {
    return new ConflictError('a concurrent change got in the way; retry the request', { retry: true });
  }
  const message = error instanceof Error ? `${error.message} ${(error as { cause?: unknown }).cause ?? ''}` : '';
  if (CONNECTION_MESSAGE.test(message)) return new UnavailableError('database unavailable');
  return null;
}
