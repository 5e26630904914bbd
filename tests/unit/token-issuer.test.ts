import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, importJWK, type JWK, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_AUDIENCE, TokenIssuer } from '../../local/token-issuer.js';

const ISSUER = 'https://examdesk.local/test-issuer';
const dir = mkdtempSync(join(tmpdir(), 'token-issuer-'));
let issuer: TokenIssuer;
let privateJwk: JWK;

beforeAll(async () => {
  const keyFile = join(dir, 'key.json');
  issuer = await TokenIssuer.create(ISSUER, keyFile);
  privateJwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const now = () => Math.floor(Date.now() / 1000);

/** A token signed with the issuer's own key, with any claims and header. */
const sign = async (claims: JWTPayload, header: { kid?: string | null } = {}) => {
  const kid = header.kid === null ? undefined : (header.kid ?? privateJwk.kid);
  return new SignJWT({ email: 'a@students.example', ...claims })
    .setProtectedHeader({ alg: 'RS256', ...(kid ? { kid } : {}) })
    .sign(await importJWK(privateJwk, 'RS256'));
};

const base = (): JWTPayload => ({ iss: ISSUER, aud: LOCAL_AUDIENCE, iat: now(), exp: now() + 600 });

describe('the local JWT authorizer (as API Gateway HTTP APIs check tokens)', () => {
  it('accepts a minted token and a token for the audience by client_id', async () => {
    await expect(issuer.verify(await issuer.mint({ email: 'a@students.example' }))).resolves.toMatchObject({
      email: 'a@students.example',
    });
    const { aud: _aud, ...noAud } = base();
    await expect(issuer.verify(await sign({ ...noAud, client_id: LOCAL_AUDIENCE }))).resolves.toBeTruthy();
  });

  it('refuses iat or nbf in the future, a missing or past exp', async () => {
    const yearAhead = now() + 365 * 86_400;
    await expect(
      issuer.verify(await sign({ ...base(), iat: yearAhead, exp: yearAhead + 600 })),
    ).rejects.toThrow(/iat/);
    await expect(issuer.verify(await sign({ ...base(), nbf: now() + 3600 }))).rejects.toThrow(/nbf/);
    const { exp: _exp, ...noExp } = base();
    await expect(issuer.verify(await sign(noExp))).rejects.toThrow(/exp/);
    await expect(issuer.verify(await sign({ ...base(), exp: now() - 1 }))).rejects.toThrow(/exp/);
  });

  it('refuses another issuer or audience, and a header without a kid of the JWKS', async () => {
    await expect(issuer.verify(await sign({ ...base(), iss: 'https://evil.example' }))).rejects.toThrow(
      /iss/,
    );
    await expect(issuer.verify(await sign({ ...base(), aud: 'other-client' }))).rejects.toThrow(/aud/);
    await expect(
      issuer.verify(await sign({ ...base(), aud: undefined, client_id: 'other' })),
    ).rejects.toThrow(/aud/);
    await expect(issuer.verify(await sign(base(), { kid: null }))).rejects.toThrow(/kid/);
  });
});
