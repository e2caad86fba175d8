export * from './request-context';
export * from './logger';
export * from './nest-logger';
export * from './metrics-registry';
export * from './observability.module';
