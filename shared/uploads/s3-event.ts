import * as z from 'zod';

/** One created object, whichever way S3 told us about it. */
export interface CreatedObject {
  bucket: string;
  /** The object key, decoded. */
  key: string;
  size?: number;
  eTag?: string;
  versionId?: string;
  /** When S3 received the object. */
  time: Date;
}

const S3Record = z.looseObject({
  eventName: z.string(),
  eventTime: z.string(),
  s3: z.looseObject({
    bucket: z.looseObject({ name: z.string() }),
    object: z.looseObject({
      key: z.string(),
      size: z.number().optional(),
      eTag: z.string().optional(),
      versionId: z.string().optional(),
    }),
  }),
});

const S3Notification = z.looseObject({ Records: z.array(z.unknown()) });

const EventBridgeObjectCreated = z.looseObject({
  source: z.literal('aws.s3'),
  'detail-type': z.literal('Object Created'),
  time: z.string(),
  detail: z.looseObject({
    bucket: z.looseObject({ name: z.string() }),
    object: z.looseObject({
      key: z.string(),
      size: z.number().optional(),
      etag: z.string().optional(),
      'version-id': z.string().optional(),
    }),
  }),
});

/** S3 notifications URL-encode keys, with + for spaces ("red flower.jpg" arrives as "red+flower.jpg"). */
export const decodeNotificationKey = (key: string): string => decodeURIComponent(key.replace(/\+/g, ' '));

const instant = (text: string): Date | undefined => {
  const t = new Date(text);
  return Number.isNaN(t.getTime()) ? undefined : t;
};

/**
 * Reads an S3 notification (`Records[].s3`, as S3 -> Lambda and the local server send it) or an
 * EventBridge "Object Created" event (`detail.bucket.name`, `detail.object.key`, `time`, as the CDK
 * rule delivers it). EventBridge keys are not URL-encoded; ours never contain a character that
 * needs it, so either reading gives the same key. Anything else yields no object (and is logged by
 * the caller), never an exception: a malformed event must not be retried forever.
 */
export const createdObjects = (event: unknown): { objects: CreatedObject[]; ignored: string[] } => {
  const ignored: string[] = [];
  const bridge = EventBridgeObjectCreated.safeParse(event);
  if (bridge.success) {
    const { detail, time } = bridge.data;
    const at = instant(time);
    if (!at) return { objects: [], ignored: [`bad time ${time}`] };
    return {
      objects: [
        {
          bucket: detail.bucket.name,
          key: detail.object.key,
          ...(detail.object.size === undefined ? {} : { size: detail.object.size }),
          ...(detail.object.etag ? { eTag: detail.object.etag } : {}),
          ...(detail.object['version-id'] ? { versionId: detail.object['version-id'] } : {}),
          time: at,
        },
      ],
      ignored,
    };
  }
  const notification = S3Notification.safeParse(event);
  if (!notification.success)
    return { objects: [], ignored: ['neither an S3 notification nor an EventBridge event'] };
  const objects: CreatedObject[] = [];
  for (const raw of notification.data.Records) {
    const record = S3Record.safeParse(raw);
    if (!record.success) {
      ignored.push('malformed record');
      continue;
    }
    const r = record.data;
    if (!r.eventName.startsWith('ObjectCreated')) {
      ignored.push(`event ${r.eventName}`);
      continue;
    }
    const at = instant(r.eventTime);
    let key: string;
    try {
      key = decodeNotificationKey(r.s3.object.key);
    } catch {
      ignored.push(`undecodable key ${r.s3.object.key}`);
      continue;
    }
    if (!at) {
      ignored.push(`bad eventTime ${r.eventTime}`);
      continue;
    }
    objects.push({
      bucket: r.s3.bucket.name,
      key,
      ...(r.s3.object.size === undefined ? {} : { size: r.s3.object.size }),
      ...(r.s3.object.eTag ? { eTag: r.s3.object.eTag } : {}),
      ...(r.s3.object.versionId ? { versionId: r.s3.object.versionId } : {}),
      time: at,
    });
  }
  return { objects, ignored };
};
