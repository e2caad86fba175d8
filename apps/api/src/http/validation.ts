import { ParseUUIDPipe, ValidationPipe, type ArgumentMetadata, type ValidationError as ClassValidationError } from '@nestjs/common';
import { ValidationError, type FieldProblem } from '@claimdesk/database';

function flatten(errors: ClassValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message: message.replace(/^\S+ /, '') }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * Text Postgres cannot store as sent: NUL (it refuses it) and lone UTF-16 surrogates (they would be
 * stored as U+FFFD, not verbatim). Found anywhere in the input, they are the caller's mistake, as is
 * nesting deeper than any input needs.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const MAX_INPUT_DEPTH = 16;

export function unstorableText(value: unknown, path = '', depth = 0): FieldProblem[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return [{ field: path || 'value', message: 'must not contain NUL characters' }];
    if (LONE_SURROGATE.test(value)) return [{ field: path || 'value', message: 'must be valid Unicode (no lone surrogates)' }];
    return [];
  }
  if (value === null || typeof value !== 'object') return [];
  // No input of this API nests deeper than a few levels; deeper is refused before class-transformer
  // and class-validator recurse into it (thousands of levels overflow their stack: a 500).
  if (depth >= MAX_INPUT_DEPTH) return [{ field: path || 'value', message: `must not nest deeper than ${MAX_INPUT_DEPTH} levels` }];
  if (!isPlain(value)) return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return entries.flatMap(([k, v]) => {
    const field = path ? `${path}.${k}` : k;
    return [...unstorableText(k, field, depth + 1).map((p) => ({ ...p, message: `name ${p.message}` })), ...unstorableText(v, field, depth + 1)];
  });
}

function isPlain(value: unknown): boolean {
  if (typeof value === 'string' || Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Keys no input of this API names, that class-validator's whitelist lets through: it looks a key up
 * in a plain object of known properties, so every name `{}` inherits (`constructor`, `toString`,
 * `valueOf`, `hasOwnProperty`, `__defineGetter__`, ...) counts as known; `prototype` and
 * `__proto__` are refused with them. Ordinary unknown names are refused by the whitelist itself.
 */
const INHERITED_NAMES = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype', '__proto__']);

export function inheritedNameKeys(value: unknown, path = '', depth = 0): FieldProblem[] {
  if (value === null || typeof value !== 'object' || depth >= MAX_INPUT_DEPTH || !isPlain(value)) return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return entries.flatMap(([k, v]) => {
    const field = path ? `${path}.${k}` : k;
    const own = !Array.isArray(value) && INHERITED_NAMES.has(k) ? [{ field, message: `${k} should not exist (not a field of this input)` }] : [];
    return [...own, ...inheritedNameKeys(v, field, depth + 1)];
  });
}

class StorableValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata) {
    // Input only: request bodies, queries, params and GraphQL arguments, never a context object.
    const input = metadata.type !== 'custom' && isPlain(value);
    const path = metadata.type === 'body' ? '' : (metadata.data ?? '');
    const problems = input ? [...unstorableText(value, path), ...inheritedNameKeys(value, path)] : [];
    if (problems.length) throw new ValidationError(problems);
    return super.transform(value, metadata);
  }
}

/** Unknown fields are refused, every field at fault is named: 400 problem+json with `errors`. */
export const validationPipe = new StorableValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  stopAtFirstError: false,
  exceptionFactory: (errors) => new ValidationError(flatten(errors)),
});

/** Route ids are UUIDs; anything else is the caller's mistake, named as such. */
export const uuidParam = (field = 'id', optional = false) =>
  new ParseUUIDPipe({ optional, exceptionFactory: () => new ValidationError([{ field, message: 'must be a UUID' }]) });
