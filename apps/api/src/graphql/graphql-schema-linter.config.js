// graphql-schema-linter's default rules (every rule it ships), less one, for test/graphql-contract.e2e-spec.ts.
// relay-page-info-spec is off: it requires a Relay `PageInfo` type in any schema, and claimdesk's lists
// are not Relay connections but the REST pages ({items, next}: pass `next` back as `cursor`), on purpose,
// so that both doors page alike. The other Relay rules stay on and pass (no type is named *Connection).
module.exports = {
  rules: [
    'arguments-have-descriptions',
    'defined-types-are-used',
    'deprecations-have-a-reason',
    'descriptions-are-capitalized',
    'enum-values-all-caps',
    'enum-values-have-descriptions',
    'enum-values-sorted-alphabetically',
    'fields-are-camel-cased',
    'fields-have-descriptions',
    'input-object-fields-sorted-alphabetically',
    'input-object-values-are-camel-cased',
    'input-object-values-have-descriptions',
    'interface-fields-sorted-alphabetically',
    'relay-connection-arguments-spec',
    'relay-connection-types-spec',
    'type-fields-sorted-alphabetically',
    'types-are-capitalized',
    'types-have-descriptions',
  ],
};
