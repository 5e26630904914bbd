import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build-app.js';

type Json = Record<string, unknown>;

const MAIL_FROM = 'exams@uni.example';
const EXTRA_ORIGINS = ['https://exams.example.edu', 'http://localhost:5173'];
const CERTIFICATE = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-0000-4000-8000-000000000000';
/** Bundling the functions is not under test here: only the web release stack builds (the web app). */
const ONLY_THE_WEB_BUILD = { 'aws:cdk:bundling-stacks': ['ExamdeskWebRelease'] };
const BUILD_TIMEOUT = 240_000;
const outRoot = mkdtempSync(join(tmpdir(), 'examdesk-web-test-'));
let apps = 0;
const outdir = () => join(outRoot, `app${++apps}`);
afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

/**
 * A CloudFormation value as one readable string: `{ Ref: X }` -> `<X>`, an import -> `<import:name>`,
 * `Fn::GetAtt` -> `<id.attribute>`, joins joined.
 */
const flat = (v: unknown): string => {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(flat).join(',');
  const o = v as Json;
  if ('Ref' in o) return `<${String(o.Ref)}>`;
  if ('Fn::ImportValue' in o) return `<import:${flat(o['Fn::ImportValue'])}>`;
  if ('Fn::GetAtt' in o) return `<${(o['Fn::GetAtt'] as string[]).join('.')}>`;
  if ('Fn::Join' in o) {
    const [separator, parts] = o['Fn::Join'] as [string, unknown[]];
    return parts.map(flat).join(separator);
  }
  return JSON.stringify(v);
};

const nagFindings = (stack: Stack) =>
  new AwsSolutionsChecks(undefined, { verbose: true })
    .validateScope(stack)
    .violations.map(
      (v) => `${v.ruleName} (${v.severity}): ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
    );

const onlyResource = (template: Template, type: string): Json => {
  const found = Object.values(template.findResources(type)) as { Properties: Json }[];
  expect(found, type).toHaveLength(1);
  return found[0]!.Properties;
};

/** `https://<the distribution's domain>`, imported from ExamdeskWeb by the other stacks. */
const APP_ORIGIN = /^https:\/\/<import:ExamdeskWeb:ExportsOutputFnGetAttDistribution\w+DomainName\w*>$/;

describe('the web app on AWS (ExamdeskWeb, then ExamdeskWebRelease)', () => {
  let built: ReturnType<typeof buildApp>;
  let web: Template;
  let release: Template;

  beforeAll(() => {
    built = buildApp({
      context: { mailFrom: MAIL_FROM, appOrigins: EXTRA_ORIGINS.join(','), ...ONLY_THE_WEB_BUILD },
      outdir: outdir(),
    });
    web = Template.fromStack(built.webHosting);
    release = Template.fromStack(built.webRelease);
  }, BUILD_TIMEOUT);

  describe('hosting', () => {
    it('serves a private bucket through CloudFront with Origin Access Control only', () => {
      web.hasResourceProperties('AWS::S3::Bucket', {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'web-bucket/' }),
      });
      web.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
        OriginAccessControlConfig: Match.objectLike({
          OriginAccessControlOriginType: 's3',
          SigningBehavior: 'always',
          SigningProtocol: 'sigv4',
        }),
      });
      const config = onlyResource(web, 'AWS::CloudFront::Distribution').DistributionConfig as Json;
      const [origin] = config.Origins as Json[];
      expect(origin).toMatchObject({
        OriginAccessControlId: { 'Fn::GetAtt': [expect.stringMatching(/OriginAccessControl/), 'Id'] },
        S3OriginConfig: { OriginAccessIdentity: '' },
      });
      // The bucket policy lets only this distribution read, signed by CloudFront (OAC).
      const bucketPolicies = JSON.stringify(web.findResources('AWS::S3::BucketPolicy'));
      expect(bucketPolicies).toContain('"Service":"cloudfront.amazonaws.com"');
      expect(bucketPolicies).toContain('"AWS:SourceArn"');
    });

    it('redirects HTTP to HTTPS, serves index.html at /, only GET/HEAD, and logs requests', () => {
      const config = onlyResource(web, 'AWS::CloudFront::Distribution').DistributionConfig as Json;
      expect(config).toMatchObject({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: {
          ViewerProtocolPolicy: 'redirect-to-https',
          AllowedMethods: ['GET', 'HEAD'],
          ResponseHeadersPolicyId: { Ref: expect.stringMatching(/^SecurityHeaders/) },
        },
        Logging: { Bucket: { 'Fn::GetAtt': [expect.stringMatching(/^WebLogBucket/), 'RegionalDomainName'] } },
      });
      // The default certificate: no viewer certificate to configure (TLS 1.2+ needs a custom domain).
      expect(config.ViewerCertificate).toBeUndefined();
    });

    it('adds HSTS, a strict CSP, nosniff, DENY framing and a strict referrer policy to every answer', () => {
      const policy = onlyResource(web, 'AWS::CloudFront::ResponseHeadersPolicy')
        .ResponseHeadersPolicyConfig as Json;
      const security = policy.SecurityHeadersConfig as Json;
      expect(security).toMatchObject({
        StrictTransportSecurity: {
          AccessControlMaxAgeSec: 63_072_000,
          IncludeSubdomains: true,
          Override: true,
        },
        ContentTypeOptions: { Override: true },
        FrameOptions: { FrameOption: 'DENY', Override: true },
        ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
      });
      const csp = flat((security.ContentSecurityPolicy as Json).ContentSecurityPolicy).split('; ');
      const signIn = 'https://examdesk-<AWS::AccountId>.auth.<AWS::Region>.amazoncognito.com';
      expect(csp).toEqual([
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        `connect-src 'self' https://*.execute-api.<AWS::Region>.amazonaws.com https://cognito-idp.<AWS::Region>.amazonaws.com ${signIn} https://*.s3.<AWS::Region>.amazonaws.com`,
        `form-action 'self' ${signIn} https://*.s3.<AWS::Region>.amazonaws.com`,
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "object-src 'none'",
      ]);
    });

    it('outputs the app URL', () => {
      expect(flat(web.findOutputs('AppUrl').AppUrl!.Value)).toMatch(
        /^https:\/\/<Distribution\w+\.DomainName>\/$/,
      );
    });
  });

  describe('the app origin, allowed exactly where the browser goes (+ -c appOrigins)', () => {
    it('is the only origin of the files bucket CORS', () => {
      const buckets = Object.values(Template.fromStack(built.stateful).findResources('AWS::S3::Bucket')) as {
        Properties: Json;
      }[];
      const rules = buckets.flatMap(
        (b) =>
          ((b.Properties.CorsConfiguration as { CorsRules?: Json[] } | undefined)?.CorsRules ?? []) as Json[],
      );
      expect(rules).toHaveLength(1);
      const origins = (rules[0]!.AllowedOrigins as unknown[]).map(flat);
      expect(origins[0]).toMatch(APP_ORIGIN);
      expect(origins.slice(1)).toEqual(EXTRA_ORIGINS);
      expect(rules[0]).toMatchObject({ AllowedMethods: ['POST', 'GET'] });
    });

    it('is the only origin of the API CORS', () => {
      const api = onlyResource(Template.fromStack(built.stateless), 'AWS::ApiGatewayV2::Api');
      const origins = ((api.CorsConfiguration as Json).AllowOrigins as unknown[]).map(flat);
      expect(origins[0]).toMatch(APP_ORIGIN);
      expect(origins.slice(1)).toEqual(EXTRA_ORIGINS);
    });

    it("is where the web client sends people back after sign-in and sign-out (the app's root)", () => {
      const clients = Template.fromStack(built.stateless).findResources('AWS::Cognito::UserPoolClient', {
        Properties: { AllowedOAuthFlows: ['code'] },
      });
      const [client] = Object.values(clients) as { Properties: Json }[];
      const callbacks = (client!.Properties.CallbackURLs as unknown[]).map(flat);
      expect(callbacks[0]).toMatch(/^https:\/\/<import:ExamdeskWeb:.*DomainName\w*>\/$/);
      expect(callbacks.slice(1)).toEqual(EXTRA_ORIGINS.map((o) => `${o}/`));
      expect((client!.Properties.LogoutURLs as unknown[]).map(flat)).toEqual(callbacks);
    });
  });

  describe('release', () => {
    const deployments = () =>
      Object.entries(release.findResources('Custom::CDKBucketDeployment')).map(
        ([id, r]) => [id, (r as { Properties: Json }).Properties] as const,
      );
    const entry = () => deployments().find(([id]) => id.startsWith('Entry'))![1];
    /** A file of one of the Entry deployment's sources, as staged in the cloud assembly. */
    const stagedFile = (name: string): string => {
      for (const key of entry().SourceObjectKeys as string[]) {
        try {
          return readFileSync(join(built.app.outdir, `asset.${key.replace(/\.zip$/, '')}`, name), 'utf8');
        } catch {
          // Another source of the deployment.
        }
      }
      throw new Error(`${name} is in no source of the Entry deployment`);
    };
    /** `<<marker:0xbaba:N>>` -> what CloudFormation substitutes, for the source holding `name`. */
    const markersOf = (name: string): Record<string, string> => {
      const keys = entry().SourceObjectKeys as string[];
      const index = keys.findIndex((key) => {
        try {
          readFileSync(join(built.app.outdir, `asset.${key.replace(/\.zip$/, '')}`, name));
          return true;
        } catch {
          return false;
        }
      });
      const markers = (entry().SourceMarkers as Json[])[index]!;
      return Object.fromEntries(Object.entries(markers).map(([marker, value]) => [marker, flat(value)]));
    };
    const substituted = (name: string) => {
      let text = stagedFile(name);
      for (const [marker, value] of Object.entries(markersOf(name))) text = text.split(marker).join(value);
      return text;
    };

    it('copies the built assets (cached a year, old ones pruned), then the entry files (revalidated)', () => {
      const [assets] = deployments().filter(([id]) => id.startsWith('Assets'));
      expect(assets?.[1]).toMatchObject({
        Prune: true,
        Exclude: ['index.html', 'config.json'],
        SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
      });
      expect(entry()).toMatchObject({
        Prune: false,
        SystemMetadata: { 'cache-control': 'no-cache' },
        DistributionPaths: ['/', '/index.html', '/config.json'],
      });
      expect(flat(entry().DistributionId)).toMatch(/^<import:ExamdeskWeb:.*Distribution/);
      const entryId = deployments().find(([id]) => id.startsWith('Entry'))![0];
      expect(release.findResources('Custom::CDKBucketDeployment')[entryId]!.DependsOn).toEqual(
        expect.arrayContaining([expect.stringMatching(/^Assets/)]),
      );
    });

    it('writes config.json: the API, the user pool as OIDC authority, the web client, Cognito sign-out', () => {
      const config = JSON.parse(substituted('config.json')) as Json;
      expect(Object.keys(config).sort()).toEqual(['apiUrl', 'oidc', 'stage']);
      expect(config).toEqual({
        apiUrl: expect.stringMatching(/^<import:ExamdeskStateless:.*HttpApi.*ApiEndpoint\w*>$/),
        oidc: {
          authority: expect.stringMatching(
            /^https:\/\/cognito-idp\.<AWS::Region>\.amazonaws\.com\/<import:ExamdeskStateless:.*UserPool\w*>$/,
          ),
          clientId: expect.stringMatching(/^<import:ExamdeskStateless:.*UserPoolWebClient\w*>$/),
          scope: 'openid email profile',
          endSessionEndpoint: 'https://examdesk-<AWS::AccountId>.auth.<AWS::Region>.amazoncognito.com/logout',
        },
        stage: 'aws',
      });
    });

    it("narrows the CSP in index.html to the exact API and files bucket, before the app's script", () => {
      const html = substituted('index.html');
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
      expect(meta).not.toBeNull();
      expect(meta!.index).toBeLessThan(html.indexOf('<script'));
      const [connect, form] = meta![1]!.split('; ');
      expect(connect).toMatch(
        /^connect-src 'self' <import:ExamdeskStateless:.*ApiEndpoint\w*> https:\/\/cognito-idp\.<AWS::Region>\.amazonaws\.com https:\/\/examdesk-<AWS::AccountId>\.auth\.<AWS::Region>\.amazoncognito\.com https:\/\/<import:ExamdeskStateful:.*FilesBucket\w*RegionalDomainName\w*>$/,
      );
      expect(form).toMatch(
        /^form-action 'self' https:\/\/examdesk-.* https:\/\/<import:ExamdeskStateful:.*FilesBucket/,
      );
    });
  });

  describe('checks', () => {
    it('has no unacknowledged cdk-nag finding in any stack', () => {
      expect(nagFindings(built.webHosting)).toEqual([]);
      expect(nagFindings(built.webRelease)).toEqual([]);
      expect(nagFindings(built.stateful)).toEqual([]);
      expect(nagFindings(built.stateless)).toEqual([]);
    });

    it('leaves no CDK error or warning annotation on the web stacks', () => {
      const assembly = built.app.synth();
      for (const stack of [built.webHosting, built.webRelease]) {
        const messages = assembly.getStackArtifact(stack.artifactId).messages;
        expect(
          messages.filter((m) => m.level !== 'info').map((m) => `${m.id}: ${String(m.entry.data)}`),
        ).toEqual([]);
      }
    });

    it('deploys in order: hosting, data, code, release', () => {
      const names = (stack: Stack) => stack.dependencies.map((s) => s.stackName).sort();
      expect(names(built.webHosting)).toEqual([]);
      expect(names(built.stateful)).toEqual(['ExamdeskWeb']);
      expect(names(built.stateless)).toEqual(expect.arrayContaining(['ExamdeskStateful', 'ExamdeskWeb']));
      expect(names(built.webRelease)).toEqual(expect.arrayContaining(['ExamdeskStateless', 'ExamdeskWeb']));
    });
  });
});

describe('the web app on a custom domain (-c appDomain, -c appCertificateArn)', () => {
  let built: ReturnType<typeof buildApp>;

  beforeAll(() => {
    built = buildApp({
      context: {
        mailFrom: MAIL_FROM,
        appDomain: 'exams.example.edu',
        appCertificateArn: CERTIFICATE,
        'aws:cdk:bundling-stacks': [],
      },
      nag: false,
      outdir: outdir(),
    });
  }, BUILD_TIMEOUT);

  it('answers on the domain with its certificate and TLS 1.2 at least (cdk-nag CFR4 then holds)', () => {
    const config = onlyResource(Template.fromStack(built.webHosting), 'AWS::CloudFront::Distribution')
      .DistributionConfig as Json;
    expect(config).toMatchObject({
      Aliases: ['exams.example.edu'],
      ViewerCertificate: {
        AcmCertificateArn: CERTIFICATE,
        MinimumProtocolVersion: 'TLSv1.2_2021',
        SslSupportMethod: 'sni-only',
      },
    });
    expect(nagFindings(built.webHosting)).toEqual([]);
  });

  it('makes the domain the app URL, and allows it and the distribution domain', () => {
    const web = Template.fromStack(built.webHosting);
    expect(flat(web.findOutputs('AppUrl').AppUrl!.Value)).toBe('https://exams.example.edu/');
    const api = onlyResource(Template.fromStack(built.stateless), 'AWS::ApiGatewayV2::Api');
    const origins = ((api.CorsConfiguration as Json).AllowOrigins as unknown[]).map(flat);
    expect(origins[0]).toBe('https://exams.example.edu');
    expect(origins[1]).toMatch(APP_ORIGIN);
    expect(origins).toHaveLength(2);
  });
});
