import type { GraphQLSchema } from 'graphql';
import type { FieldOptions } from '@nestjs/graphql';
import { SCHEMAS } from '../openapi/schemas';

type Property = { description?: string; nullable?: boolean };

/** The REST schema's description, for a GraphQL type of the same resource. */
export function typeDescription(schema: string): string {
  const description = (SCHEMAS[schema] as { description?: string } | undefined)?.description;
  if (!description) throw new Error(`no REST schema ${schema} to describe a GraphQL type`);
  return description;
}

/**
 * GraphQL field options from the REST schema of the same resource (schemas.ts): the description and
 * the nullability are written once, so the two doors cannot drift. `extra` wins (GraphQL-only
 * redaction such as Person.email).
 */
export function fieldsFrom(schema: string) {
  const properties = (SCHEMAS[schema] as { properties?: Record<string, Property> } | undefined)?.properties ?? {};
  return (name: string, extra: FieldOptions = {}): FieldOptions => {
    const property = properties[name];
    if (!property?.description) throw new Error(`REST schema ${schema} has no described property ${name}`);
    return { description: property.description, nullable: property.nullable === true, ...extra };
  };
}

/** Code-first GraphQL cannot describe the root types: they are described here, once the schema is built. */
export function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  const subscription = schema.getSubscriptionType();
  if (query) query.description = 'Reads: the same services and rules as the REST GET routes';
  if (mutation) mutation.description = 'Changes: the same services and rules as the REST POST and PATCH routes';
  if (subscription) subscription.description = 'Live changes over WebSocket (graphql-transport-ws)';
  return schema;
}
