import { deps } from '../../shared/runtime/deps.js';
import { log } from '../../shared/runtime/log.js';
import { receiveUpload, type ReceiveOutcome } from '../../shared/uploads/receive-upload.js';
import { createdObjects } from '../../shared/uploads/s3-event.js';

/**
 * S3 "object created" under uploads/: an S3 notification (`Records[]`, as the local server sends
 * it) or an EventBridge "Object Created" event (as the CDK rule delivers it). Each object is
 * checked and recorded once (see receiveUpload); an error fails the invocation so that it is
 * retried, which is safe.
 */
export const handler = async (event: unknown): Promise<{ results: ReceiveOutcome['outcome'][] }> => {
  const d = deps();
  const { objects, ignored } = createdObjects(event);
  for (const why of ignored) log.warn('object event ignored', { why });
  const results: ReceiveOutcome['outcome'][] = [];
  for (const object of objects) results.push((await receiveUpload(d, object)).outcome);
  return { results };
};
