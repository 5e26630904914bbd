import * as z from 'zod';
import type { TokenIssuer } from '../token-issuer.js';

/** What a refresh token carries: enough to mint the same person's tokens again. */
export interface RefreshGrant {
  email: string;
  groups: string[];
  scope: string;
  authTime: number;
  /** The code's family: revoking it (a replayed code, /revoke) refuses the token from then on. */
  family: string;
}

const Claims = z.object({
  token_use: z.literal('refresh'),
  sub: z.string().min(1),
  jti: z.string().min(1),
  scope: z.string(),
  auth_time: z.number().int(),
  'cognito:groups': z.array(z.string()).optional(),
});

/**
 * Refresh tokens as JWTs signed with the issuer's key and addressed to the token endpoint (never to
 * the API's audience, so the API refuses one sent as a bearer). Stateless, they outlive a restart as
 * the ID tokens do (same key file); revocations are kept in memory. The app treats them as opaque,
 * as it does Cognito's.
 */
export class RefreshTokens {
  private readonly revoked = new Set<string>();

  constructor(
    private readonly issuer: TokenIssuer,
    /** The token endpoint's URL: the tokens' audience. */
    private readonly audience: string,
  ) {}

  issue(grant: RefreshGrant, lifetimeSeconds: number): Promise<string> {
    return this.issuer.sign(
      {
        token_use: 'refresh',
        jti: grant.family,
        scope: grant.scope,
        auth_time: grant.authTime,
        ...(grant.groups.length ? { 'cognito:groups': grant.groups } : {}),
      },
      { subject: grant.email, audience: this.audience, expiresIn: lifetimeSeconds },
    );
  }

  /** The grant of a valid token of ours, or why not. */
  async read(token: string): Promise<{ ok: true; grant: RefreshGrant } | { ok: false; reason: string }> {
    let payload: unknown;
    try {
      payload = await this.issuer.verifyFor(token, this.audience);
    } catch (error) {
      return { ok: false, reason: `the refresh token is not valid (${(error as Error).message})` };
    }
    const claims = Claims.safeParse(payload);
    if (!claims.success) return { ok: false, reason: 'the token is not a refresh token' };
    if (this.revoked.has(claims.data.jti)) return { ok: false, reason: 'the refresh token was revoked' };
    return {
      ok: true,
      grant: {
        email: claims.data.sub,
        groups: claims.data['cognito:groups'] ?? [],
        scope: claims.data.scope,
        authTime: claims.data.auth_time,
        family: claims.data.jti,
      },
    };
  }

  revoke(family: string): void {
    this.revoked.add(family);
  }
}
