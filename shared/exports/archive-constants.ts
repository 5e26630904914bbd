/**
 * What the infrastructure needs to know about archives, without the store code: the CDK app (bucket
 * lifecycle, stream filter) imports this module alone.
 */

/** How long a request and its ZIP are kept: the item by TTL, the object by the bucket's lifecycle rule. */
export const ARCHIVE_KEEP_DAYS = 7;
/** S3 prefix of the ZIPs; the files bucket expires it after ARCHIVE_KEEP_DAYS (infra/stateful-stack.ts). */
export const ARCHIVE_PREFIX = 'exports/';
export const ARCHIVE_TYPE = 'archive';

/** The builder's stream filter (functions/background.ts): archive requests that are pending. */
export const PENDING_ARCHIVE_FILTER = {
  dynamodb: { NewImage: { type: { S: [ARCHIVE_TYPE] }, status: { S: ['pending'] } } },
} as const;
