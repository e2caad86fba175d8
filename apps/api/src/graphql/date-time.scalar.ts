import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

function parse(value: unknown): string {
  if (typeof value !== 'string' || !ISO_8601.test(value) || Number.isNaN(Date.parse(value))) {
    throw new GraphQLError('DateTime must be an ISO 8601 date-time with a time zone, e.g. 2026-12-03T10:00:00Z', {
      extensions: { code: 'VALIDATION_FAILED', status: 400 },
    });
  }
  return value;
}

/**
 * An instant as REST shows it (ISO 8601, UTC, e.g. "2026-12-03T10:00:00.000Z"). Inputs are checked
 * and passed on as the string (the REST DTOs' validation runs on it unchanged).
 */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant in ISO 8601 with a time zone, e.g. 2026-12-03T10:00:00.000Z (the format of REST date-time fields)',
  specifiedByURL: 'https://datatracker.ietf.org/doc/html/rfc3339',
  serialize: (value) => (value instanceof Date ? value.toISOString() : parse(value)),
  parseValue: parse,
  parseLiteral: (node) => {
    if (node.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string', { extensions: { code: 'VALIDATION_FAILED', status: 400 } });
    return parse(node.value);
  },
});
