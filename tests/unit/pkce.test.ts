import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CODE_VERIFIER, S256_CHALLENGE, s256, verifiesChallenge } from '../../local/oidc/pkce.js';

describe('PKCE S256 (RFC 7636)', () => {
  it('computes the challenge of the RFC 7636 Appendix B example', () => {
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    expect(s256(verifier)).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    expect(verifiesChallenge(verifier, 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')).toBe(true);
  });

  it('is base64url(sha256(verifier)) without padding, always 43 characters', () => {
    const verifier = `${'a'.repeat(60)}-._~`;
    const expected = createHash('sha256').update(verifier).digest('base64url');
    expect(s256(verifier)).toBe(expected);
    expect(S256_CHALLENGE.test(s256(verifier))).toBe(true);
    expect(s256(verifier)).not.toMatch(/[=+/]/);
  });

  it('refuses another verifier, a plain challenge and malformed verifiers', () => {
    const verifier = 'x'.repeat(43);
    const challenge = s256(verifier);
    expect(verifiesChallenge('y'.repeat(43), challenge)).toBe(false);
    // "plain": the verifier itself as the challenge is not accepted.
    expect(verifiesChallenge(verifier, verifier)).toBe(false);
    expect(verifiesChallenge(verifier, challenge.slice(0, 42))).toBe(false);
    expect(CODE_VERIFIER.test('x'.repeat(42))).toBe(false);
    expect(CODE_VERIFIER.test('x'.repeat(129))).toBe(false);
    expect(CODE_VERIFIER.test(`${'x'.repeat(42)}!`)).toBe(false);
    expect(verifiesChallenge(`${'x'.repeat(42)} `, s256(`${'x'.repeat(42)} `))).toBe(false);
  });
});
