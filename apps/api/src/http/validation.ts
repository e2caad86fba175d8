import { ParseUUIDPipe, ValidationPipe, type ValidationError as ClassValidationError } from '@nestjs/common';
import { ValidationError, type FieldProblem } from '@claimdesk/database';

function flatten(errors: ClassValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message: message.replace(/^\S+ /, '') }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Unknown fields are refused, every field at fault is named: 400 problem+json with `errors`. */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  stopAtFirstError: false,
  exceptionFactory: (errors) => new ValidationError(flatten(errors)),
});

/** Route ids are UUIDs; anything else is the caller's mistake, named as such. */
export const uuidParam = (field = 'id', optional = false) =>
  new ParseUUIDPipe({ optional, exceptionFactory: () => new ValidationError([{ field, message: 'must be a UUID' }]) });
