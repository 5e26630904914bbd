import { randomBytes } from 'node:crypto';

/** What an authorization code stands for, from the authorize request and the person chosen. */
export interface CodeGrant {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scope: string;
  nonce?: string;
  email: string;
  groups: string[];
  /** When the person signed in, seconds since the epoch (the ID tokens' `auth_time`). */
  authTime: number;
  /** Names the refresh tokens issued for this code, so a replayed code can revoke them. */
  family: string;
}

export type TakenCode =
  | { ok: true; grant: CodeGrant }
  | { ok: false; reason: 'unknown' | 'expired' }
  | { ok: false; reason: 'used'; family: string };

interface Entry {
  grant: CodeGrant;
  expiresAt: number;
  used: boolean;
}

/**
 * One-time authorization codes, in memory (a restart forgets them, as it would any code in flight).
 * A code is taken once: the first exchange uses it up, whether or not its checks pass, and a replay
 * is told apart (RFC 6749 §4.1.2: the provider should then revoke what the code gave).
 */
export class CodeStore {
  private readonly entries = new Map<string, Entry>();

  /** `now` in milliseconds: real time by default, a test's clock otherwise. */
  constructor(private readonly now: () => number = Date.now) {}

  issue(grant: CodeGrant, lifetimeSeconds: number): string {
    this.prune();
    const code = randomBytes(32).toString('base64url');
    this.entries.set(code, { grant, expiresAt: this.now() + lifetimeSeconds * 1000, used: false });
    return code;
  }

  take(code: string): TakenCode {
    const entry = this.entries.get(code);
    if (!entry) return { ok: false, reason: 'unknown' };
    if (entry.used) return { ok: false, reason: 'used', family: entry.grant.family };
    if (this.now() >= entry.expiresAt) {
      this.entries.delete(code);
      return { ok: false, reason: 'expired' };
    }
    // Kept (as used) until it would have expired, so that a replay is recognised as one.
    entry.used = true;
    return { ok: true, grant: entry.grant };
  }

  get size(): number {
    return this.entries.size;
  }

  private prune() {
    const now = this.now();
    for (const [code, entry] of this.entries) if (now >= entry.expiresAt) this.entries.delete(code);
  }
}
