import * as z from 'zod';

/** One created object, as S3 told EventBridge about it. */
export interface CreatedObject {
  bucket: string;
  /** The object key (EventBridge events carry it as stored, not URL-encoded). */
  key: string;
  size?: number;
  eTag?: string;
  versionId?: string;
  /** When S3 received the object. */
  time: Date;
}

/**
 * The EventBridge "Object Created" event S3 sends when the bucket has EventBridge notifications on
 * (infra/stateful-stack.ts) and the CDK rule in infra/stateless-stack.ts delivers; the local S3
 * emits exactly this shape too. https://docs.aws.amazon.com/AmazonS3/latest/userguide/ev-events.html
 */
const ObjectCreatedEvent = z.looseObject({
  source: z.literal('aws.s3'),
  'detail-type': z.literal('Object Created'),
  time: z.iso.datetime({ offset: true }),
  detail: z.looseObject({
    bucket: z.looseObject({ name: z.string().min(1) }),
    object: z.looseObject({
      key: z.string().min(1),
      size: z.number().int().nonnegative().optional(),
      etag: z.string().optional(),
      'version-id': z.string().optional(),
    }),
  }),
});

/**
 * Reads the event; anything else yields no object and a reason (logged by the caller), never an
 * exception: a malformed event must not be retried forever.
 */
export const createdObject = (event: unknown): { object: CreatedObject } | { ignored: string } => {
  const parsed = ObjectCreatedEvent.safeParse(event);
  if (!parsed.success)
    return {
      ignored: `not an S3 "Object Created" EventBridge event (${parsed.error.issues
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')})`,
    };
  const { detail, time } = parsed.data;
  return {
    object: {
      bucket: detail.bucket.name,
      key: detail.object.key,
      ...(detail.object.size === undefined ? {} : { size: detail.object.size }),
      ...(detail.object.etag ? { eTag: detail.object.etag } : {}),
      ...(detail.object['version-id'] ? { versionId: detail.object['version-id'] } : {}),
      time: new Date(time),
    },
  };
};
