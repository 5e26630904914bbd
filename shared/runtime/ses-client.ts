import { SESv2Client } from '@aws-sdk/client-sesv2';
import { clientOptions, registerClient } from './deps.js';

/**
 * One attempt per send: the outbox sender (the only caller) retries a throttled or failed mail
 * itself, with its own backoff, and goes on with the next one meanwhile. The SDK's own retries
 * (a throttled send waits 0.5–20 s, up to 3 times) would hold every mail behind it.
 */
registerClient('ses', (env) => new SESv2Client({ ...clientOptions(env), maxAttempts: 1 }));
