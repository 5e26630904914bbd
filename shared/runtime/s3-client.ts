import { S3Client } from '@aws-sdk/client-s3';
import { clientOptions, registerClient } from './deps.js';

registerClient(
  's3',
  (env) =>
    new S3Client({
      ...clientOptions(env),
      // Local S3 servers store aws-chunked framing inside the object unless checksums are opt-in.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    }),
);
