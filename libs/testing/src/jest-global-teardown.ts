import type { LocalServices } from '../../../scripts/lib/local-services';

export default async function globalTeardown(): Promise<void> {
  const services = (globalThis as { __claimdeskServices?: LocalServices }).__claimdeskServices;
  await services?.stop();
}
