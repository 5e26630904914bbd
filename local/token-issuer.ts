import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  SignJWT,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  type JWK,
  type JWTPayload,
} from 'jose';
import * as z from 'zod';

export const LOCAL_AUDIENCE = 'examdesk-local-client';
const ALG = 'RS256';
type SigningKey = Parameters<SignJWT['sign']>[0];

export const TokenRequest = z.strictObject({
  email: z.email(),
  groups: z.array(z.string().min(1)).max(20).optional(),
  /** Lifetime in seconds, as a Cognito ID token's (1 hour by default). */
  expiresIn: z.number().int().min(1).max(86_400).optional(),
});
export type TokenRequest = z.infer<typeof TokenRequest>;

/**
 * Mints RS256 ID-token-shaped JWTs and verifies them as API Gateway's JWT authorizer does:
 * key id and signature against the JWKS, issuer, audience, expiry, not-before and issued-at.
 */
export class TokenIssuer {
  private constructor(
    readonly issuer: string,
    private readonly privateKey: SigningKey,
    readonly jwks: { keys: JWK[] },
  ) {}

  /** With a keyFile, the key survives restarts, and so do tokens already handed out. */
  static async create(issuer: string, keyFile?: string): Promise<TokenIssuer> {
    let privateJwk: JWK;
    if (keyFile && existsSync(keyFile)) privateJwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
    else {
      const pair = await generateKeyPair(ALG, { extractable: true });
      privateJwk = {
        ...(await exportJWK(pair.privateKey)),
        kid: `local-${Date.now()}`,
        alg: ALG,
        use: 'sig',
      };
      if (keyFile) {
        mkdirSync(dirname(keyFile), { recursive: true });
        writeFileSync(keyFile, JSON.stringify(privateJwk), { mode: 0o600 });
      }
    }
    const privateKey: SigningKey = await importJWK(privateJwk, ALG);
    const { kty, n, e, kid } = privateJwk;
    return new TokenIssuer(issuer, privateKey, { keys: [{ kty, n, e, kid, alg: ALG, use: 'sig' }] });
  }

  async mint(request: TokenRequest, now: Date = new Date()): Promise<string> {
    const iat = Math.floor(now.getTime() / 1000);
    return new SignJWT({
      email: request.email.toLowerCase(),
      email_verified: true,
      token_use: 'id',
      ...(request.groups?.length ? { 'cognito:groups': request.groups } : {}),
    })
      .setProtectedHeader({ alg: ALG, kid: this.jwks.keys[0]?.kid ?? 'local' })
      .setIssuer(this.issuer)
      .setAudience(LOCAL_AUDIENCE)
      .setSubject(request.email.toLowerCase())
      .setIssuedAt(iat)
      .setExpirationTime(iat + (request.expiresIn ?? 3600))
      .sign(this.privateKey);
  }

  private readonly keySet = () => createLocalJWKSet(this.jwks);

  /**
   * Real time, not the local clock: a token's expiry is about the token, not the course's calendar.
   * The checks of API Gateway's JWT authorizer (HTTP APIs): `kid` names a key of the issuer's JWKS,
   * an RSA signature, `iss`, `aud` or else `client_id` among the audiences, `exp` after now, `nbf`
   * and `iat` before now. No clock skew is allowed, as none is documented.
   */
  async verify(token: string, now: Date = new Date()): Promise<JWTPayload> {
    const { payload, protectedHeader } = await jwtVerify(token, this.keySet(), {
      issuer: this.issuer,
      algorithms: [ALG],
      requiredClaims: ['exp'],
      currentDate: now,
    });
    if (!this.jwks.keys.some((k) => k.kid !== undefined && k.kid === protectedHeader.kid))
      throw new Error('the token header has no "kid" of the issuer\'s keys');
    const audiences = Array.isArray(payload.aud)
      ? payload.aud
      : payload.aud === undefined
        ? []
        : [payload.aud];
    const audienceOk =
      payload.aud !== undefined ? audiences.includes(LOCAL_AUDIENCE) : payload.client_id === LOCAL_AUDIENCE;
    if (!audienceOk) throw new Error('"aud" (or "client_id") is not an audience of this API');
    const seconds = now.getTime() / 1000;
    if (typeof payload.iat === 'number' && payload.iat > seconds)
      throw new Error('"iat" (issued at) is in the future');
    return payload;
  }
}
