import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Fn, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { RUNTIME_CONFIG_PATH, type RuntimeConfig } from '../shared/web/runtime-config.js';
import { WEB_SCOPE } from './sign-in.js';
import { buildWebApp } from './web-build.js';
import { connectDirectives, withCspMeta, type CspSources } from './web-csp.js';
import { acknowledgeBucketDeployment } from './web-release-nag.js';

/** What config.json tells the app (values are usually deploy-time tokens). */
export interface RuntimeValues {
  /** The HTTP API's endpoint, without a trailing slash. */
  apiUrl: string;
  /** The user pool's issuer URL, the same string the API's JWT authorizer checks. */
  issuer: string;
  /** The web app client (authorization code + PKCE). */
  clientId: string;
  /** The Cognito domain's base URL. */
  signInUrl: string;
}

/** `/config.json` of a deployed stage (shared/web/runtime-config.ts). */
export const runtimeConfigFor = (v: RuntimeValues): RuntimeConfig => ({
  apiUrl: v.apiUrl,
  oidc: {
    authority: v.issuer,
    clientId: v.clientId,
    scope: WEB_SCOPE,
    // Cognito's discovery document names no end_session_endpoint; its /logout wants client_id and logout_uri.
    endSessionEndpoint: `${v.signInUrl}/logout`,
  },
  stage: 'aws',
});

const CONFIG_KEY = RUNTIME_CONFIG_PATH.replace(/^\//, '');
/** Written by the second deployment, revalidated by browsers; everything else is content-hashed. */
const ENTRY_FILES = ['index.html', CONFIG_KEY];

export interface WebReleaseStackProps extends StackProps {
  /** The web bucket (web-hosting-stack.ts): its name, and the explicit export of its ARN. */
  bucketName: string;
  bucketArnExportName: string;
  distribution: cloudfront.IDistribution;
  runtime: RuntimeValues;
  /** The exact hosts the app talks to, for the CSP meta tag of index.html. */
  csp: CspSources;
}

/**
 * The built app and its `config.json`, copied into the hosting bucket (web-hosting-stack.ts) by
 * CDK's BucketDeployment, then the entry files invalidated in CloudFront. Deployed last: config.json
 * names the API, the user pool and the web client of the stateless stack, and index.html carries a
 * CSP meta tag with the exact API and files-bucket hosts, which the header's policy can only give
 * as region wildcards (the hosting stack is deployed before they exist).
 *
 * Two deployments, because S3 object metadata is per deployment: the content-hashed assets are
 * cached for a year; index.html and config.json are revalidated on every load and written after
 * the assets they point to.
 */
export class WebReleaseStack extends Stack {
  readonly runtimeConfig: RuntimeConfig;
  /** The index.html deployed (with its CSP meta tag), or undefined when bundling was skipped. */
  readonly indexHtml: string | undefined;

  constructor(scope: Construct, id: string, props: WebReleaseStackProps) {
    super(scope, id, props);
    this.runtimeConfig = runtimeConfigFor(props.runtime);

    const logGroup = new logs.LogGroup(this, 'DeploymentLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const destinationBucket = s3.Bucket.fromBucketAttributes(this, 'WebBucket', {
      bucketName: props.bucketName,
      bucketArn: Fn.importValue(props.bucketArnExportName),
    });
    const common = { destinationBucket, logGroup, memoryLimit: 256 };

    // Like the functions' bundling (stateless-stack.ts), only when the CLI deploys this stack: the
    // build is skipped for `cdk deploy ExamdeskStateful` and in the local stack's source mode.
    const built = this.bundlingRequired ? buildWebApp() : undefined;
    let assets: BucketDeployment | undefined;
    if (built) {
      this.indexHtml = withCspMeta(
        readFileSync(join(built, 'index.html'), 'utf8'),
        connectDirectives(props.csp).join('; '),
      );
      assets = new BucketDeployment(this, 'Assets', {
        ...common,
        sources: [Source.asset(built, { exclude: ENTRY_FILES })],
        // Old hashed assets go; the entry files are not this deployment's to delete.
        prune: true,
        exclude: ENTRY_FILES,
        cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
      });
    }
    const entry = new BucketDeployment(this, 'Entry', {
      ...common,
      sources: [
        Source.data('index.html', this.indexHtml ?? '<!doctype html><title>examdesk (not built)</title>'),
        Source.jsonData(CONFIG_KEY, this.runtimeConfig),
      ],
      prune: false,
      cacheControl: [CacheControl.noCache()],
      distribution: props.distribution,
      distributionPaths: ['/', '/index.html', RUNTIME_CONFIG_PATH],
    });
    if (assets) entry.node.addDependency(assets);
    acknowledgeBucketDeployment(entry, props.bucketArnExportName);
  }
}
