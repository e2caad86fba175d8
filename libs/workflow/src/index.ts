// @claimdesk/workflow: the claim state machine, article progress, priorities, SLA and the routing
// policy. Pure TypeScript (no I/O, Nest or Prisma) so every rule is unit-testable and shared by the
// API, the worker and the router's SQL.

export * from './claim-status';
export * from './claim-state-machine';
export * from './article-progress';
export * from './priority';
export * from './sla';
export * from './routing-policy';
