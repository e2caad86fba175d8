import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export const MAX_QUERY_DEPTH = 8;
export const MAX_QUERY_COST = 20_000;

/** The HTTP status each GraphQL-only error code stands for (domain codes get theirs from error-mapping). */
export const LIMIT_ERROR_STATUS = { QUERY_TOO_DEEP: 400, QUERY_TOO_COSTLY: 400, GRAPHQL_VALIDATION_FAILED: 400 } as const;

// Caps of list fields without a `limit` argument (what the service returns at most).
const LIST_CAPS: Record<string, number> = { verdicts: 5, reviewers: 100, ratingScale: 20, publishedByHour24h: 24 };
// Caps of paginated fields when their `limit` is absent or a variable (the services' own maxima).
const PAGE_CAPS: Record<string, number> = { articles: 100, claims: 100, events: 1000, people: 100, deskStories: 500 };
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

type Fragments = Map<string, FragmentDefinitionNode>;
const fragmentsOf = (context: ValidationContext): Fragments => {
  const fragments: Fragments = new Map();
  for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  return fragments;
};

/**
 * Depth of a data query: nested fields (fragments add no level). Introspection (`__schema`,
 * `__type`) is exempt: the standard introspection query is about 15 deep by the shape of the
 * introspection types, and the cost limit bounds it instead. Deeper than `max`: QUERY_TOO_DEEP.
 */
export function depthLimitRule(max = MAX_QUERY_DEPTH) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = fragmentsOf(context);
    const depth = (set: SelectionSetNode | undefined, seen: ReadonlySet<string>): number => {
      let deepest = 0;
      for (const sel of set?.selections ?? []) {
        if (sel.kind === Kind.FIELD) {
          if (!INTROSPECTION_ROOTS.has(sel.name.value)) deepest = Math.max(deepest, 1 + depth(sel.selectionSet, seen));
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depth(sel.selectionSet, seen));
        } else if (!seen.has(sel.name.value)) {
          deepest = Math.max(deepest, depth(fragments.get(sel.name.value)?.selectionSet, new Set([...seen, sel.name.value])));
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(node) {
        const total = depth(node.selectionSet, new Set());
        if (total > max) {
          context.reportError(
            new GraphQLError(`query depth ${total} exceeds the limit of ${max}; introspection fields are exempt`, {
              nodes: [node],
              extensions: { code: 'QUERY_TOO_DEEP', status: LIMIT_ERROR_STATUS.QUERY_TOO_DEEP, depth: total, maxDepth: max },
            }),
          );
        }
      },
    };
  };
}

/**
 * How many items each introspection list holds on average in this schema, so that introspection
 * costs what it returns: `types` times the average `fields` per type is the schema's field count.
 */
const introspectionSizes = new WeakMap<GraphQLSchema, Record<string, number>>();
function introspectionSizesOf(schema: GraphQLSchema): Record<string, number> {
  const known = introspectionSizes.get(schema);
  if (known) return known;
  const types = Object.values(schema.getTypeMap());
  let fields = 0, args = 0, inputFields = 0, enumValues = 0, interfaces = 0, possibleTypes = 0;
  for (const type of types) {
    if (isObjectType(type) || isInterfaceType(type)) {
      const own = Object.values(type.getFields());
      fields += own.length;
      args += own.reduce((n, f) => n + f.args.length, 0);
      interfaces += type.getInterfaces().length;
    }
    if ('getValues' in type) enumValues += type.getValues().length;
    if ('getFields' in type && !isObjectType(type) && !isInterfaceType(type)) inputFields += Object.keys(type.getFields()).length;
    if ('getTypes' in type) possibleTypes += type.getTypes().length;
  }
  const directives = schema.getDirectives();
  const directiveArgs = directives.reduce((n, d) => n + d.args.length, 0);
  const perType = (n: number) => n / Math.max(1, types.length);
  const sizes = {
    '__Schema.types': types.length,
    '__Schema.directives': directives.length,
    '__Type.fields': perType(fields),
    '__Type.inputFields': perType(inputFields),
    '__Type.enumValues': perType(enumValues),
    '__Type.interfaces': perType(interfaces),
    '__Type.possibleTypes': perType(possibleTypes),
    '__Field.args': args / Math.max(1, fields),
    '__Directive.args': directiveArgs / Math.max(1, directives.length),
  };
  introspectionSizes.set(schema, sizes);
  return sizes;
}

/**
 * Cost of a query: every field costs 1, times the number of items its enclosing lists may return.
 * A paginated field (one with a `limit` argument) multiplies what is under it by its literal
 * `limit`, or by its cap when absent or a variable; the page's own item list (`items`, `events`)
 * adds nothing more, so `events(limit: 9) { events { id } }` costs 1 + 9 x 2. Other lists multiply
 * by their cap (LIST_CAPS), introspection lists by their real average size in this schema, so
 * introspection costs what it returns and thousands of aliased `__schema` are refused like any other
 * expensive query. Above MAX_QUERY_COST the query is refused before it runs (QUERY_TOO_COSTLY).
 */
export function costLimitRule(variables: Record<string, unknown> | undefined, max = MAX_QUERY_COST) {
  return (context: ValidationContext): ASTVisitor => {
    const schema = context.getSchema();
    const fragments = fragmentsOf(context);
    const sizes = introspectionSizesOf(schema);
    const limitOf = (name: string, node: { arguments?: readonly { name: { value: string }; value: { kind: Kind; value?: unknown; name?: { value: string } } }[] }) => {
      const cap = PAGE_CAPS[name] ?? 100;
      const arg = node.arguments?.find((a) => a.name.value === 'limit');
      if (!arg) return cap;
      if (arg.value.kind === Kind.INT) return Math.min(Number(arg.value.value), cap);
      if (arg.value.kind === Kind.VARIABLE) {
        const v = variables?.[arg.value.name!.value];
        return typeof v === 'number' ? Math.min(v, cap) : cap;
      }
      return cap;
    };
    // One running total for the whole walk: once it is past the limit the walk stops, so a query of
    // thousands of aliases costs the validator no more than the limit itself.
    let spent = 0;
    const walk = (set: SelectionSetNode | undefined, parent: GraphQLCompositeType | undefined, multiplier: number, seen: ReadonlySet<string>): void => {
      for (const sel of set?.selections ?? []) {
        if (spent > max) return;
        if (sel.kind === Kind.FIELD) {
          const name = sel.name.value;
          const def = parent && 'getFields' in parent ? parent.getFields()[name] : undefined;
          const fieldType = name === '__schema' ? schema.getType('__Schema') : name === '__type' ? schema.getType('__Type') : def?.type;
          const named = fieldType ? getNamedType(fieldType) : undefined;
          let factor = 1;
          if (def?.args.some((a) => a.name === 'limit')) factor = limitOf(name, sel);
          else if (fieldType && isListType(getNullableType(fieldType)) && !parent?.name.endsWith('Page')) {
            factor = sizes[`${parent?.name}.${name}`] ?? LIST_CAPS[name] ?? 1;
          }
          spent += multiplier;
          walk(sel.selectionSet, named && isCompositeType(named) ? named : undefined, multiplier * factor, seen);
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          const typed = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
          walk(sel.selectionSet, typed && isCompositeType(typed) ? typed : parent, multiplier, seen);
        } else if (!seen.has(sel.name.value)) {
          const frag = fragments.get(sel.name.value);
          const typed = frag ? schema.getType(frag.typeCondition.name.value) : undefined;
          walk(frag?.selectionSet, typed && isCompositeType(typed) ? typed : parent, multiplier, new Set([...seen, sel.name.value]));
        }
      }
    };
    return {
      OperationDefinition(node) {
        const root = node.operation === 'mutation' ? schema.getMutationType() : node.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
        spent = 0;
        walk(node.selectionSet, root ?? undefined, 1, new Set());
        const total = Math.round(spent);
        if (total > max) {
          context.reportError(
            new GraphQLError(`query cost ${total} (or more) exceeds the limit of ${max}; ask for fewer items (limit) or fewer fields`, {
              nodes: [node],
              extensions: { code: 'QUERY_TOO_COSTLY', status: LIMIT_ERROR_STATUS.QUERY_TOO_COSTLY, cost: total, maxCost: max },
            }),
          );
        }
      },
    };
  };
}
