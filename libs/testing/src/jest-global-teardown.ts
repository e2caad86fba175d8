import type { LocalServices } from '../../../scripts/lib/local-services';
import type { TestRun } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const { __claimdeskServices: services, __claimdeskTestRun: run } = globalThis as {
    __claimdeskServices?: LocalServices;
    __claimdeskTestRun?: TestRun;
  };
  await run?.drop();
  await services?.stop();
}
