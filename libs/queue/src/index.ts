export * from './queue-names';
export * from './job-options';
export * from './job-producer';
export * from './queue.module';
export * from './redis-connection';
export * from './job-record';
export * from './job-data-guard';
export * from './worker-liveness';
