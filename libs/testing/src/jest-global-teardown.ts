import type { LocalServices } from '../../../scripts/lib/local-services';
import { deleteQueueKeys, findKeys, runQueuePrefix } from './queue-cleanup';
import type { TestRun } from './test-database';

/**
 * Drops the run's databases, then checks that no test file left a Redis key behind under the run's
 * queue prefixes (an unclosed queue or worker, a missing cleanup). Such keys are deleted, and the
 * run fails, naming the prefixes: the check exists so that a leak is fixed, not tolerated.
 */
export default async function globalTeardown(): Promise<void> {
  const { __claimdeskServices: services, __claimdeskTestRun: run } = globalThis as {
    __claimdeskServices?: LocalServices;
    __claimdeskTestRun?: TestRun;
  };
  let leftover: string[] = [];
  let prefixes: string[] = [];
  try {
    await run?.drop();
    if (run && services) {
      leftover = await findKeys(services.redisUrl, `${runQueuePrefix(run.runId)}*`);
      prefixes = [...new Set(leftover.map((key) => key.split(':')[0]))];
      for (const prefix of prefixes) await deleteQueueKeys(services.redisUrl, prefix);
    }
  } finally {
    await services?.stop();
  }
  if (leftover.length > 0) {
    throw new Error(`the test run left ${leftover.length} Redis key(s) behind under ${prefixes.join(', ')} (e.g. ${leftover[0]}); deleted them`);
  }
}
