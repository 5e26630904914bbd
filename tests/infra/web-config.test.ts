import { describe, expect, it } from 'vitest';
import { RuntimeConfig } from '../../shared/web/runtime-config.js';
import { readWebConfig } from '../../infra/web-config.js';
import {
  connectDirectives,
  contentSecurityPolicy,
  CSP_MAX_LENGTH,
  withCspMeta,
} from '../../infra/web-csp.js';
import { runtimeConfigFor } from '../../infra/web-release-stack.js';

const ctx = (values: Record<string, unknown>) => (key: string) => values[key];

describe('readWebConfig (-c appOrigins, authDomainPrefix, appDomain, appCertificateArn)', () => {
  it('has no extra origin, no prefix and no custom domain by default', () => {
    expect(readWebConfig(ctx({}))).toEqual({
      extraOrigins: [],
      authDomainPrefix: undefined,
      customDomain: undefined,
    });
  });

  it('takes extra origins from a comma list or a cdk.json array, without trailing slash or duplicates', () => {
    expect(
      readWebConfig(
        ctx({ appOrigins: 'https://exams.example.edu/, http://localhost:5173,https://exams.example.edu' }),
      ).extraOrigins,
    ).toEqual(['https://exams.example.edu', 'http://localhost:5173']);
    expect(readWebConfig(ctx({ appOrigins: ['https://a.example.edu:8443'] })).extraOrigins).toEqual([
      'https://a.example.edu:8443',
    ]);
  });

  it('refuses what is not an origin Cognito and CORS accept', () => {
    for (const bad of ['exams.example.edu', 'http://exams.example.edu', 'https://a.example.edu/app', '*'])
      expect(() => readWebConfig(ctx({ appOrigins: bad })), bad).toThrow(/-c appOrigins/);
  });

  it("checks the Cognito domain prefix against Cognito's rules", () => {
    expect(readWebConfig(ctx({ authDomainPrefix: 'examdesk-genmod' })).authDomainPrefix).toBe(
      'examdesk-genmod',
    );
    for (const bad of ['Examdesk', '-examdesk', 'examdesk-', 'my-aws-exams', 'cognito-x', 'a'.repeat(64)])
      expect(() => readWebConfig(ctx({ authDomainPrefix: bad })), bad).toThrow(/authDomainPrefix/);
  });

  it('wants a custom domain and its us-east-1 certificate together', () => {
    const arn = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-0000-4000-8000-000000000000';
    expect(
      readWebConfig(ctx({ appDomain: 'exams.example.edu', appCertificateArn: arn })).customDomain,
    ).toEqual({
      domainName: 'exams.example.edu',
      certificateArn: arn,
    });
    expect(() => readWebConfig(ctx({ appDomain: 'exams.example.edu' }))).toThrow(/go together/);
    expect(() =>
      readWebConfig(
        ctx({ appDomain: 'exams.example.edu', appCertificateArn: arn.replace('us-east-1', 'eu-west-3') }),
      ),
    ).toThrow(/us-east-1/);
  });
});

describe('the runtime config and the CSP (pure)', () => {
  it('writes a config.json the web app accepts (shared/web/runtime-config.ts)', () => {
    const config = runtimeConfigFor({
      apiUrl: 'https://abc123.execute-api.eu-west-3.amazonaws.com',
      issuer: 'https://cognito-idp.eu-west-3.amazonaws.com/eu-west-3_AbCdEfGhI',
      clientId: '1example23456789',
      signInUrl: 'https://examdesk-123456789012.auth.eu-west-3.amazoncognito.com',
    });
    expect(RuntimeConfig.parse(config)).toEqual({
      apiUrl: 'https://abc123.execute-api.eu-west-3.amazonaws.com',
      oidc: {
        authority: 'https://cognito-idp.eu-west-3.amazonaws.com/eu-west-3_AbCdEfGhI',
        clientId: '1example23456789',
        scope: 'openid email profile',
        endSessionEndpoint: 'https://examdesk-123456789012.auth.eu-west-3.amazoncognito.com/logout',
      },
      stage: 'aws',
    });
  });

  const sources = {
    api: 'https://abc123.execute-api.eu-west-3.amazonaws.com',
    cognitoIdp: 'https://cognito-idp.eu-west-3.amazonaws.com',
    signIn: 'https://examdesk-123456789012.auth.eu-west-3.amazoncognito.com',
    files: 'https://examdeskstateful-filesbucket-1a2b3c.s3.eu-west-3.amazonaws.com',
  };

  it('allows scripts from the app only and connections to the API, Cognito and the files bucket', () => {
    expect(contentSecurityPolicy(sources).split('; ')).toEqual([
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      `connect-src 'self' ${sources.api} ${sources.cognitoIdp} ${sources.signIn} ${sources.files}`,
      `form-action 'self' ${sources.signIn} ${sources.files}`,
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
    ]);
    expect(contentSecurityPolicy(sources).length).toBeLessThan(CSP_MAX_LENGTH);
  });

  it('puts the narrowing CSP meta tag at the top of <head>, before any script', () => {
    const html =
      '<!doctype html><html><head>\n<meta charset="utf-8" />\n<script type="module" src="/assets/index-x.js"></script></head><body></body></html>';
    const out = withCspMeta(html, connectDirectives(sources).join('; '));
    const meta = out.indexOf('<meta http-equiv="Content-Security-Policy"');
    expect(meta).toBeGreaterThan(out.indexOf('<meta charset'));
    expect(meta).toBeLessThan(out.indexOf('<script'));
    expect(out).toContain(`content="connect-src 'self' ${sources.api} `);
    expect(() => withCspMeta('<p>no head</p>', 'connect-src none')).toThrow(/<head>/);
  });
});
