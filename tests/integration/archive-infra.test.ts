import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { synthesizedTemplates } from '../support/synthesized.js';

/** Read from the templates the test run's stack synthesized (no second synth). */
describe('archive builder infrastructure', () => {
  const { stacks } = synthesizedTemplates();
  const stateless = Template.fromJSON(stacks.ExamdeskStateless as unknown as Record<string, unknown>);
  const stateful = Template.fromJSON(stacks.ExamdeskStateful as unknown as Record<string, unknown>);

  it('runs the builder from the table stream, one pending archive request at a time, for up to 15 minutes', () => {
    const builders = stateless.findResources('AWS::Lambda::Function', {
      Properties: {
        Description: Match.stringLikeRegexp('^Builds a requested ZIP'),
        Timeout: 900,
        MemorySize: 1024,
      },
    });
    const [builder] = Object.keys(builders);
    expect(builder).toBeDefined();
    stateless.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: builder },
      BatchSize: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              dynamodb: { NewImage: { type: { S: ['archive'] }, status: { S: ['pending'] } } },
            }),
          },
        ],
      },
    });
  });

  it('expires the ZIPs under exports/ after a week, old versions included', () => {
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({
            Id: 'expire-exports',
            Prefix: 'exports/',
            ExpirationInDays: 7,
            NoncurrentVersionExpiration: { NoncurrentDays: 1 },
            Status: 'Enabled',
          }),
        ]),
      },
    });
  });
});
