import type { Context } from 'aws-lambda';
import { depsAt } from '../../shared/runtime/deps.js';
import { beginInvocation, endInvocation, eventId, log } from '../../shared/runtime/log.js';
import { receiveUpload, type ReceiveOutcome } from '../../shared/uploads/receive-upload.js';
import { createdObject } from '../../shared/uploads/s3-event.js';

/**
 * The EventBridge "Object Created" event of an object under uploads/ (the CDK rule's pattern). The
 * object is checked and recorded once (see receiveUpload), at the instant S3 received it; an error
 * fails the invocation so that it is retried, which is safe.
 */
export const handler = async (
  event: unknown,
  context?: Context,
): Promise<{ result: ReceiveOutcome['outcome'] }> => {
  // Logs carry the Lambda context and the EventBridge event id as correlation id.
  beginInvocation(context, eventId(event));
  try {
    const read = createdObject(event);
    if ('ignored' in read) {
      log.warn('object event ignored', { why: read.ignored });
      return { result: 'ignored' };
    }
    const outcome = await receiveUpload(depsAt(read.object.time), read.object);
    return { result: outcome.outcome };
  } finally {
    endInvocation();
  }
};
