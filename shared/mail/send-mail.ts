import '../runtime/ses-client.js';
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import * as z from 'zod';
import type { Deps } from '../runtime/deps.js';

export interface MailAttachment {
  fileName: string;
  contentType: string;
  content: string | Uint8Array;
}

export interface Mail {
  to: string[];
  subject: string;
  text: string;
  attachments?: MailAttachment[];
}

/** SES does not check addresses in the sandbox emulator; refuse what SES would bounce. */
const Address = z.email();

/**
 * Sends one plain-text mail through SES v2. Errors propagate: callers that must not lose a notice
 * (the scheduled jobs) record the intent first and retry on the next run.
 */
export const sendMail = async (
  d: Pick<Deps, 'ses' | 'mailFrom'>,
  mail: Mail,
): Promise<string | undefined> => {
  const to = [...new Set(mail.to.map((a) => a.toLowerCase()))].filter((a) => Address.safeParse(a).success);
  if (!to.length) return undefined;
  const out = await d.ses.send(
    new SendEmailCommand({
      FromEmailAddress: d.mailFrom,
      Destination: { ToAddresses: to },
      Content: {
        Simple: {
          Subject: { Data: mail.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
          ...(mail.attachments?.length
            ? {
                Attachments: mail.attachments.map((a) => ({
                  FileName: a.fileName,
                  ContentType: a.contentType,
                  RawContent: typeof a.content === 'string' ? new TextEncoder().encode(a.content) : a.content,
                })),
              }
            : {}),
        },
      },
    }),
  );
  return out.MessageId;
};
