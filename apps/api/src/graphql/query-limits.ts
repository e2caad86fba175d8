import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export const MAX_QUERY_DEPTH = 8;
export const MAX_QUERY_COST = 20_000;

// Fields that return many items: their cost multiplies what is selected under them.
const LIST_FIELDS: Record<string, number> = { articles: 100, claims: 100, events: 1000, verdicts: 5, reviewers: 100 };

/**
 * Cost of a query: every field costs 1, times the number of items its enclosing lists may return
 * (a list field's `limit` argument, or its cap). `claims(limit: 100) { items { assignment { reviewer
 * { name } } } }` costs about 100 x 4. Above MAX_QUERY_COST the query is refused before it runs.
 */
export function costLimitRule(variables: Record<string, unknown> | undefined, max = MAX_QUERY_COST) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    const limitOf = (field: FieldNode): number => {
      const cap = LIST_FIELDS[field.name.value];
      if (!cap) return 1;
      const arg = field.arguments?.find((a) => a.name.value === 'limit');
      if (!arg) return cap;
      if (arg.value.kind === Kind.INT) return Math.min(Number(arg.value.value), cap);
      if (arg.value.kind === Kind.VARIABLE) {
        const v = variables?.[arg.value.name.value];
        return typeof v === 'number' ? Math.min(v, cap) : cap;
      }
      return cap;
    };
    const cost = (set: SelectionSetNode | undefined, multiplier: number, seen: Set<string>): number => {
      if (!set) return 0;
      let total = 0;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) {
          const inner = multiplier * limitOf(sel);
          total += multiplier + cost(sel.selectionSet, inner, seen);
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          total += cost(sel.selectionSet, multiplier, seen);
        } else if (sel.kind === Kind.FRAGMENT_SPREAD && !seen.has(sel.name.value)) {
          const frag = fragments.get(sel.name.value);
          total += cost(frag?.selectionSet, multiplier, new Set([...seen, sel.name.value]));
        }
      }
      return total;
    };
    return {
      OperationDefinition(node) {
        const total = cost(node.selectionSet, 1, new Set());
        if (total > max) {
          context.reportError(
            new GraphQLError(`query cost ${total} exceeds the limit of ${max}; ask for fewer items (limit) or fewer fields`, {
              nodes: [node],
              extensions: { code: 'QUERY_TOO_COSTLY', cost: total, maxCost: max },
            }),
          );
        }
      },
    };
  };
}
