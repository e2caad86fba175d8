import type { Principal } from '@claimdesk/core';
import type { Loaders } from './loaders';

export interface GqlContext {
  req?: { headers: Record<string, string | undefined>; principal?: Principal };
  principal?: Principal;
  loaders: Loaders;
  pubsub?: { subscribe(topic: string): Promise<AsyncIterable<unknown>> };
}
