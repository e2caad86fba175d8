export * from './prisma.service';
export * from './prepared-statements';
export * from './database.module';
export * from './errors/domain-errors';
export * from './errors/prisma-error-mapper';
export * from './strict-where';
