import { CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { ARCHIVE_KEEP_DAYS, ARCHIVE_PREFIX } from '../shared/exports/archive-constants.js';
import { GSI1_NAME } from '../shared/store/keys.js';

/** DynamoDB attribute holding the epoch-seconds expiry of short-lived items. */
export const TTL_ATTRIBUTE = 'expiresAt';

export interface StatefulStackProps extends StackProps {
  /** Origins of the web app (web-hosting-stack.ts): the only ones browsers may upload from. */
  appOrigins: readonly string[];
}

/**
 * Everything that holds data and must outlive redeploys of the code: the single table and the
 * files bucket. Both are retained when the stack is deleted.
 */
export class StatefulStack extends Stack {
  readonly table: dynamodb.Table;
  readonly bucket: s3.Bucket;
  readonly logBucket: s3.Bucket;
  /** Secondary indexes of the table, granted by name to the functions. */
  readonly tableIndexNames: readonly string[] = [GSI1_NAME];
  /**
   * Name of an explicit export of the bucket ARN. IAM statements on `<bucket>/*` import it by this
   * name, so the cdk-nag finding for that wildcard has a stable id to acknowledge (CDK's automatic
   * export names carry a hash and only appear once the app is synthesized).
   */
  readonly bucketArnExportName: string;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);

    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
      // The outbox sender reads new pending outbox items from the stream (the new image is enough).
      stream: dynamodb.StreamViewType.NEW_IMAGE,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: GSI1_NAME,
      partitionKey: { name: 'gsi1pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'gsi1sk', type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.ALL,
    });

    this.logBucket = new s3.Bucket(this, 'AccessLogBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket is the destination of the files bucket server access logs; logging it into itself would loop and logging it elsewhere would need a third bucket with the same problem.',
    });

    this.bucket = new s3.Bucket(this, 'FilesBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'files/',
      // The web app uploads with presigned POST forms and downloads with presigned GET URLs; the
      // signature is the access control, CORS only keeps other sites' pages from reading answers.
      cors: [
        {
          allowedMethods: [s3.HttpMethods.POST, s3.HttpMethods.GET],
          allowedOrigins: [...props.appOrigins],
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
        // The ZIPs of deliverables (shared/exports) are copies made on request: gone after a week,
        // older versions included, as their requests are (TTL).
        {
          id: 'expire-exports',
          prefix: ARCHIVE_PREFIX,
          expiration: Duration.days(ARCHIVE_KEEP_DAYS),
          noncurrentVersionExpiration: Duration.days(1),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // S3 -> EventBridge, set on the L1 bucket. `eventBridgeEnabled: true` on the L2 would do the same
    // through a Python custom resource (an extra Lambda, role and managed policy); CloudFormation has
    // supported the property natively for a long time. Object-created functions subscribe to these
    // events with an EventBridge rule in the stateless stack, so this stack never references them
    // (a direct S3 -> Lambda notification would make the two stacks depend on each other).
    const cfnBucket = this.bucket.node.defaultChild as s3.CfnBucket;
    cfnBucket.notificationConfiguration = { eventBridgeConfiguration: { eventBridgeEnabled: true } };

    this.bucketArnExportName = `${this.stackName}-FilesBucketArn`;
    this.exportValue(this.bucket.bucketArn, { name: this.bucketArnExportName });

    new CfnOutput(this, 'TableName', { value: this.table.tableName, description: 'DynamoDB single table' });
    new CfnOutput(this, 'BucketName', {
      value: this.bucket.bucketName,
      description: 'Files bucket (uploads)',
    });
  }
}
