import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { WebConfig } from './web-config.js';
import { contentSecurityPolicy, CSP_MAX_LENGTH, type CspSources } from './web-csp.js';

export interface WebHostingStackProps extends StackProps {
  web: WebConfig;
  /** The Cognito domain's base URL (sign-in.ts `cognitoSignInUrl`): built without a reference. */
  signInUrl: string;
}

/**
 * The CSP of the header, for a stack deployed before the API and the files bucket exist: their
 * hosts as the region's wildcards. The exact hosts are narrowed in by the app's index.html (a CSP
 * meta tag written by the release stack, web-release-stack.ts), and browsers enforce both.
 */
export const hostingCspSources = (signInUrl: string): CspSources => ({
  api: `https://*.execute-api.${Aws.REGION}.amazonaws.com`,
  cognitoIdp: `https://cognito-idp.${Aws.REGION}.amazonaws.com`,
  signIn: signInUrl,
  files: `https://*.s3.${Aws.REGION}.amazonaws.com`,
});

/** The longest values the tokens of the header's CSP can take (region, 63-character prefix). */
const LONGEST_CSP = contentSecurityPolicy({
  api: `https://*.execute-api.${'x'.repeat(20)}.amazonaws.com`,
  cognitoIdp: `https://cognito-idp.${'x'.repeat(20)}.amazonaws.com`,
  signIn: `https://${'x'.repeat(63)}.auth.${'x'.repeat(20)}.amazoncognito.com`,
  files: `https://*.s3.${'x'.repeat(20)}.amazonaws.com`,
});

/**
 * Where the browser app is served from: a private bucket read by CloudFront only (Origin Access
 * Control), HTTPS only, with security headers on every answer.
 *
 * Its own stack, deployed first: the files bucket's CORS (stateful stack), the API's CORS and the
 * web client's callback URLs (stateless stack) all name the app's origin, the distribution's
 * domain, which CloudFront only assigns when it creates the distribution. The stateful stack holds
 * the data that must never be replaced; the distribution changes with the app (headers, CSP) and
 * takes minutes to deploy, so it stays out of it. What depends on the later stacks (config.json, the
 * exact CSP hosts) is deployed last, by the release stack.
 */
export class WebHostingStack extends Stack {
  readonly bucket: s3.Bucket;
  readonly logBucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly responseHeaders: cloudfront.ResponseHeadersPolicy;
  /** The app's URL origin: the custom domain when there is one, else the distribution's domain. */
  readonly appOrigin: string;
  /** Every origin the app is reached from, then the extra ones (`-c appOrigins`). */
  readonly allowedOrigins: string[];
  /**
   * Name of an explicit export of the web bucket's ARN: the release stack's IAM statements on
   * `<bucket>/*` import it by name, so the cdk-nag finding for that wildcard has a stable id (as in
   * stateful-stack.ts).
   */
  readonly bucketArnExportName: string;

  constructor(scope: Construct, id: string, props: WebHostingStackProps) {
    super(scope, id, props);
    const { web } = props;

    // CloudFront's standard logs are delivered with bucket ACLs (the log delivery account is granted
    // on the bucket), so this bucket keeps ACLs enabled, objects owned by the bucket owner. The
    // stateful stack's access-log bucket cannot take them: it disables ACLs, and that stack is
    // deployed after this one.
    this.logBucket = new s3.Bucket(this, 'WebLogBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ id: 'expire-web-logs', expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket receives the CloudFront logs and the web bucket server access logs; logging it into itself would loop and logging it elsewhere would need another bucket with the same problem.',
    });

    this.bucket = new s3.Bucket(this, 'WebBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'web-bucket/',
      // Holds a build that any deploy writes again, but a non-empty bucket cannot be deleted by
      // CloudFormation (emptying it would take a custom-resource Lambda): kept, like the others.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    if (LONGEST_CSP.length > CSP_MAX_LENGTH)
      throw new Error(
        `The web app's Content-Security-Policy can reach ${LONGEST_CSP.length} characters; CloudFront allows ${CSP_MAX_LENGTH}`,
      );
    this.responseHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'examdesk web app: HSTS, CSP, nosniff, no framing, strict referrer',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy(hostingCspSources(props.signInUrl)),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'examdesk web app',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        // Respects the objects' Cache-Control: hashed assets for a year, index.html and config.json
        // revalidated (web-release-stack.ts).
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.responseHeaders,
        compress: true,
      },
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // North America and Europe: where a course's students are expected; cheapest class.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
      ...(web.customDomain
        ? {
            domainNames: [web.customDomain.domainName],
            certificate: acm.Certificate.fromCertificateArn(
              this,
              'Certificate',
              web.customDomain.certificateArn,
            ),
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
            sslSupportMethod: cloudfront.SSLMethod.SNI,
          }
        : {}),
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'No geo restriction: students and instructors may sign in from any country (exchange students, remote presentations); the API behind the app checks every request with a Cognito token.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'The distribution only serves the static app (a few immutable files, GET/HEAD, no origin logic); a WAF web ACL (billed monthly, created in us-east-1) would guard nothing that can be attacked. The API is throttled at API Gateway.',
      },
    );
    if (!web.customDomain)
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          "Served on the distribution's *.cloudfront.net name, whose certificate CloudFront pins to the TLSv1 security policy; TLS 1.2+ needs a custom domain and certificate (-c appDomain=... -c appCertificateArn=..., see README Deploy). Current browsers no longer offer TLS 1.0/1.1 themselves.",
      });

    this.bucketArnExportName = `${this.stackName}-WebBucketArn`;
    this.exportValue(this.bucket.bucketArn, { name: this.bucketArnExportName });

    const distributionOrigin = `https://${this.distribution.distributionDomainName}`;
    const customOrigin = web.customDomain ? `https://${web.customDomain.domainName}` : undefined;
    this.appOrigin = customOrigin ?? distributionOrigin;
    this.allowedOrigins = [
      ...(customOrigin ? [customOrigin] : []),
      distributionOrigin,
      ...web.extraOrigins.filter((o) => o !== customOrigin),
    ];

    new CfnOutput(this, 'AppUrl', {
      value: `${this.appOrigin}/`,
      description: 'The examdesk web app (sign-in, sign-up for students on a roster)',
    });
    new CfnOutput(this, 'DistributionId', {
      value: this.distribution.distributionId,
      description: 'CloudFront distribution of the web app (invalidated by each release)',
    });
    new CfnOutput(this, 'WebBucketName', {
      value: this.bucket.bucketName,
      description: 'Bucket holding the built web app (written by ExamdeskWebRelease)',
    });
  }
}
