import { describe, expect, it } from 'vitest';
import { CodeStore, type CodeGrant } from '../../local/oidc/codes.js';

const grant: CodeGrant = {
  clientId: 'examdesk-local-client',
  redirectUri: 'http://127.0.0.1:3000/',
  codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  scope: 'openid email',
  nonce: 'n-1',
  email: 'ines.garcia@students.example',
  groups: [],
  authTime: 1_700_000_000,
  family: 'family-1',
};

/** A store on a clock the test moves. */
const store = () => {
  let now = 1_000_000;
  return { codes: new CodeStore(() => now), advance: (ms: number) => (now += ms) };
};

describe('authorization codes', () => {
  it('are opaque, unguessable and different each time', () => {
    const { codes } = store();
    const a = codes.issue(grant, 60);
    const b = codes.issue(grant, 60);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it('are taken once: a replay is told apart (to revoke what the code gave)', () => {
    const { codes } = store();
    const code = codes.issue(grant, 60);
    expect(codes.take(code)).toEqual({ ok: true, grant });
    expect(codes.take(code)).toEqual({ ok: false, reason: 'used', family: 'family-1' });
    expect(codes.take('never-issued')).toEqual({ ok: false, reason: 'unknown' });
  });

  it('expire after their lifetime (60 s for the provider)', () => {
    const { codes, advance } = store();
    const code = codes.issue(grant, 60);
    advance(59_999);
    const fresh = codes.issue(grant, 60);
    expect(codes.take(fresh)).toMatchObject({ ok: true });
    advance(1);
    expect(codes.take(code)).toEqual({ ok: false, reason: 'expired' });
    expect(codes.take(code)).toEqual({ ok: false, reason: 'unknown' });
  });

  it('forget expired codes as new ones are issued', () => {
    const { codes, advance } = store();
    for (let i = 0; i < 5; i++) codes.issue(grant, 1);
    expect(codes.size).toBe(5);
    advance(1000);
    codes.issue(grant, 60);
    expect(codes.size).toBe(1);
  });
});
