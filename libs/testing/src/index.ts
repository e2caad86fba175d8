export * from './test-database';
export * from './test-env';
export * from './queue-cleanup';
export * from './test-desk';
export * from './http-client';
export * from './wait-for';
export * from './invariants';
export * from './worker-process';
