import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { LiveUpdates, TokensService, hashToken, type AuthChange, type Principal } from '@claimdesk/core';

/** How long an authenticated token is trusted without asking Postgres again. */
export const TOKEN_CACHE_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

/**
 * Authenticated tokens, in process, keyed by the token's SHA-256 (never the token itself), for up to
 * 30 s: a dashboard's poll then costs Postgres nothing. A revocation, an expiry change, or a person's
 * deactivation or role change reaches every API process at commit through NOTIFY (migration
 * 20261127150000) and evicts the entry at once; while the LISTEN connection is down the cache is not
 * used at all. Failures are never cached (a new token works at once).
 */
@Injectable()
export class TokenCache implements OnModuleDestroy {
  private readonly entries = new Map<string, { principal: Principal; until: number }>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly tokens: TokensService,
    private readonly live: LiveUpdates,
  ) {
    this.unsubscribe = live.onAuthChange((change) => this.evict(change));
  }

  async authenticate(token: string): Promise<Principal> {
    const hit = this.cached(token);
    if (hit) return hit;
    const { principal, expiresAt } = await this.tokens.authenticateToken(token);
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    // Never trusted past the token's own expiry (no NOTIFY announces an expiry: it is the clock's).
    const until = Math.min(Date.now() + TOKEN_CACHE_TTL_MS, expiresAt?.getTime() ?? Infinity);
    this.entries.set(hashToken(token), { principal, until });
    return principal;
  }

  /** The caller when this process already trusts the token, without asking Postgres. */
  cached(token: string): Principal | undefined {
    if (!this.live.isListening) return undefined;
    const hit = this.entries.get(hashToken(token));
    return hit && hit.until > Date.now() ? hit.principal : undefined;
  }

  clear(): void {
    this.entries.clear();
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  private evict(change: AuthChange): void {
    if (change.all) return this.clear();
    if (change.hash) this.entries.delete(change.hash);
    if (change.personId) {
      for (const [key, entry] of this.entries) if (entry.principal.id === change.personId) this.entries.delete(key);
    }
  }
}
