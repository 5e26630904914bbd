import { randomUUID } from 'node:crypto';
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

/** What the OIDC provider adds to an ID token: the client's nonce and when the person signed in. */
export interface IdTokenRequest extends TokenRequest {
  nonce?: string;
  /** Seconds since the epoch; a refreshed ID token keeps the sign-in's (OIDC Core §12.2). */
  authTime?: number;
}

/** A Cognito-shaped access token: no `aud`, the client in `client_id`, the granted scope. */
export interface AccessTokenRequest {
  email: string;
  groups?: string[];
  scope: string;
  expiresIn: number;
  authTime?: number;
}

/**
 * The private signing key (a JWK), read from keyFile or made and written there. With a keyFile the
 * key survives restarts, and so do the tokens already handed out.
 */
export const loadSigningKey = async (keyFile?: string): Promise<JWK> => {
  if (keyFile && existsSync(keyFile)) return JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
  const pair = await generateKeyPair(ALG, { extractable: true });
  const privateJwk: JWK = {
    ...(await exportJWK(pair.privateKey)),
    kid: `local-${Date.now()}`,
    alg: ALG,
    use: 'sig',
  };
  if (keyFile) {
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, JSON.stringify(privateJwk), { mode: 0o600 });
  }
  return privateJwk;
};

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

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

  static async create(issuer: string, keyFile?: string): Promise<TokenIssuer> {
    return TokenIssuer.fromKey(issuer, await loadSigningKey(keyFile));
  }

  /** The issuer URL is known only once the gateway listens (port 0): the key can be read before. */
  static async fromKey(issuer: string, privateJwk: JWK): Promise<TokenIssuer> {
    const privateKey: SigningKey = await importJWK(privateJwk, ALG);
    const { kty, n, e, kid } = privateJwk;
    return new TokenIssuer(issuer, privateKey, { keys: [{ kty, n, e, kid, alg: ALG, use: 'sig' }] });
  }

  /**
   * Any claims, signed with this issuer's key: `iss`, `sub`, `iat`, `exp`, a `jti` of its own unless
   * the claims bring one (two tokens minted in the same second still differ), `aud` when given.
   */
  async sign(
    claims: JWTPayload,
    options: { subject: string; expiresIn: number; audience?: string; now?: Date },
  ): Promise<string> {
    const iat = seconds(options.now ?? new Date());
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: ALG, kid: this.jwks.keys[0]?.kid ?? 'local' })
      .setIssuer(this.issuer)
      .setSubject(options.subject)
      .setIssuedAt(iat)
      .setExpirationTime(iat + options.expiresIn);
    if (options.audience !== undefined) jwt.setAudience(options.audience);
    if (claims.jti === undefined) jwt.setJti(randomUUID());
    return jwt.sign(this.privateKey);
  }

  /** An ID token as Cognito's: the email is both `sub` and `email` here (no user pool ids locally). */
  async mint(request: IdTokenRequest, now: Date = new Date()): Promise<string> {
    const email = request.email.toLowerCase();
    return this.sign(
      {
        email,
        email_verified: true,
        token_use: 'id',
        ...(request.groups?.length ? { 'cognito:groups': request.groups } : {}),
        ...(request.nonce !== undefined ? { nonce: request.nonce } : {}),
        ...(request.authTime !== undefined ? { auth_time: request.authTime } : {}),
      },
      { subject: email, audience: LOCAL_AUDIENCE, expiresIn: request.expiresIn ?? 3600, now },
    );
  }

  /** An access token as Cognito's (no email: the API reads the ID token's). */
  async mintAccess(request: AccessTokenRequest, now: Date = new Date()): Promise<string> {
    const email = request.email.toLowerCase();
    return this.sign(
      {
        token_use: 'access',
        client_id: LOCAL_AUDIENCE,
        scope: request.scope,
        username: email,
        ...(request.groups?.length ? { 'cognito:groups': request.groups } : {}),
        ...(request.authTime !== undefined ? { auth_time: request.authTime } : {}),
      },
      { subject: email, expiresIn: request.expiresIn, now },
    );
  }

  private readonly keySet = () => createLocalJWKSet(this.jwks);

  /**
   * A token this issuer signed for `audience` (e.g. a refresh token for the token endpoint): key,
   * signature, `iss`, `aud` and `exp`. Not the API's check: that is `verify`.
   */
  async verifyFor(token: string, audience: string, now: Date = new Date()): Promise<JWTPayload> {
    const { payload } = await jwtVerify(token, this.keySet(), {
      issuer: this.issuer,
      audience,
      algorithms: [ALG],
      requiredClaims: ['exp'],
      currentDate: now,
    });
    return payload;
  }

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
    if (typeof payload.iat === 'number' && payload.iat > now.getTime() / 1000)
      throw new Error('"iat" (issued at) is in the future');
    return payload;
  }
}
