import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import * as z from 'zod';
import { log } from '../runtime/log.js';
import { toArchive, type ArchiveRecord } from './archive-store.js';

/**
 * The part of Lambda's DynamoDB stream event the builder reads. (The mail sender's parser lives with
 * the sender; importing it would bundle SES and the outbox into this function.)
 */
const StreamEvent = z.object({
  Records: z.array(
    z.looseObject({
      dynamodb: z
        .looseObject({
          NewImage: z.record(z.string(), z.unknown()).optional(),
          SequenceNumber: z.string().optional(),
          ApproximateCreationDateTime: z.number().optional(),
        })
        .optional(),
    }),
  ),
});

export interface ArchiveStreamRecord {
  sequenceNumber: string | undefined;
  archive: ArchiveRecord;
}

/** The pending archive requests of a stream event; anything else is skipped (the filter should keep it out). */
export const pendingArchives = (event: unknown): ArchiveStreamRecord[] => {
  const parsed = StreamEvent.safeParse(event);
  if (!parsed.success) {
    log.warn('not a DynamoDB stream event; ignored', { issues: parsed.error.issues.length });
    return [];
  }
  return parsed.data.Records.flatMap((r) => {
    const image = r.dynamodb?.NewImage;
    const archive = image ? toArchive(unmarshall(image as Record<string, AttributeValue>)) : undefined;
    return archive?.status === 'pending' ? [{ sequenceNumber: r.dynamodb?.SequenceNumber, archive }] : [];
  });
};

/** When the records were written (the local stack stamps its clock), else now. */
export const streamInstant = (event: unknown): Date | undefined => {
  const parsed = StreamEvent.safeParse(event);
  const seconds = parsed.success
    ? parsed.data.Records.flatMap((r) => r.dynamodb?.ApproximateCreationDateTime ?? [])
    : [];
  return seconds.length ? new Date(Math.max(...seconds) * 1000) : undefined;
};
