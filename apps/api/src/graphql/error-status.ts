import { LIMIT_ERROR_STATUS } from './query-limits';

/**
 * Every GraphQL error carries a `code` and the HTTP-like `status` REST would answer. Domain errors
 * come with both (error-mapping.ts); the query limits bring theirs; what graphql-js itself refuses
 * (syntax, unknown field, wrong argument type) has neither and is a 400 GRAPHQL_VALIDATION_FAILED.
 */
export function withCodeAndStatus(extensions: Record<string, unknown>, hasPath: boolean): Record<string, unknown> {
  const code = typeof extensions.code === 'string' ? extensions.code : hasPath ? 'INTERNAL' : 'GRAPHQL_VALIDATION_FAILED';
  const known = (LIMIT_ERROR_STATUS as Record<string, number>)[code];
  const status = typeof extensions.status === 'number' ? extensions.status : (known ?? (code === 'INTERNAL' ? 500 : 400));
  return { ...extensions, code, status };
}
