import { Injectable } from '@nestjs/common';
import { TokensService, hashToken, type Principal } from '@claimdesk/core';

/** How long an authenticated token is trusted without asking Postgres again. */
export const TOKEN_CACHE_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

/**
 * Authenticated tokens, in process, keyed by the token's SHA-256 (never the token itself), for 30 s:
 * a dashboard's poll then costs Postgres nothing. The price: a revoked or expired token, or a
 * deactivated person, keeps working for up to 30 s on each API process that saw it recently.
 * Failures are never cached (a new token works at once).
 */
@Injectable()
export class TokenCache {
  private readonly entries = new Map<string, { principal: Principal; until: number }>();

  constructor(private readonly tokens: TokensService) {}

  async authenticate(token: string): Promise<Principal> {
    const key = hashToken(token);
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.principal;
    const principal = await this.tokens.authenticate(token);
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { principal, until: now + TOKEN_CACHE_TTL_MS });
    return principal;
  }

  clear(): void {
    this.entries.clear();
  }
}
