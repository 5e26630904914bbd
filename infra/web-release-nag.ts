import { Validations } from 'aws-cdk-lib';
import type { BucketDeployment } from 'aws-cdk-lib/aws-s3-deployment';

/**
 * cdk-nag findings on the Lambda function and role that CDK's BucketDeployment creates and manages
 * itself (one per stack, shared by its deployments): neither can be written differently without
 * replacing BucketDeployment. Acknowledged on that role and function only, one finding at a time.
 */
export const acknowledgeBucketDeployment = (
  deployment: BucketDeployment,
  /** The web bucket's ARN export (web-hosting-stack.ts), so the wildcard's finding id is stable. */
  bucketArnExportName: string,
): void => {
  const role = deployment.handlerRole;
  const handler = role.node.scope;
  if (!handler) throw new Error('BucketDeployment handler role has no scope');
  Validations.of(role).acknowledge(
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        "CDK's BucketDeployment attaches the AWS managed basic execution role (CloudWatch Logs writes) to its own handler; it offers no way to replace it.",
    },
    ...['s3:GetObject*', 's3:GetBucket*', 's3:List*'].map((action) => ({
      id: `AwsSolutions-IAM5[Action::${action}]`,
      reason: `${action}: CDK's BucketDeployment grants its handler read access to the CDK asset bucket (the zipped build it copies) and to the web bucket; the wildcard is CDK's grantRead, limited to those two buckets.`,
    })),
    ...['s3:DeleteObject*', 's3:Abort*'].map((action) => ({
      id: `AwsSolutions-IAM5[Action::${action}]`,
      reason: `${action}: CDK's BucketDeployment grants its handler write access (grantReadWrite) to the web bucket only, to replace the app's files and prune the old hashed assets.`,
    })),
    {
      id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
      reason:
        "Objects of the CDK bootstrap asset bucket: BucketDeployment's handler reads the zipped sources CDK uploaded there, whose keys are content hashes.",
    },
    {
      id: `AwsSolutions-IAM5[Resource::${bucketArnExportName}/*]`,
      reason:
        'Objects of the web bucket (ExamdeskWeb): the handler writes the built app and deletes the hashed assets of previous releases, whose names are content hashes.',
    },
    {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        "cloudfront:CreateInvalidation / GetInvalidation: CDK's BucketDeployment grants them on * to invalidate the web distribution after copying index.html and config.json.",
    },
  );
  Validations.of(handler).acknowledge({
    id: 'AwsSolutions-L1',
    reason:
      "The Python runtime of CDK's BucketDeployment handler is chosen by aws-cdk-lib (it runs the AWS CLI layer); it moves with aws-cdk-lib upgrades.",
  });
};
