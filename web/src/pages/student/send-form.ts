import { ApiProblem } from '../../api/client.js';
import type { UploadTicket } from './student-data.js';

/** What S3 says when it refuses a form: `<Error><Code>…</Code><Message>…</Message></Error>`. */
const s3Problem = (status: number, text: string): ApiProblem => {
  const xml = new DOMParser().parseFromString(text, 'application/xml');
  const code = xml.querySelector('Code')?.textContent ?? 's3_refused';
  const message = xml.querySelector('Message')?.textContent ?? `The file store answered ${status}`;
  return new ApiProblem(status, code, message);
};

/**
 * Sends the presigned POST form straight to S3: its fields first, the file last as `file` (S3
 * ignores anything after it). XMLHttpRequest rather than fetch, for the upload's progress events.
 */
export const sendForm = (
  ticket: UploadTicket,
  file: File,
  onProgress: (sent: number, total: number) => void,
): Promise<void> =>
  new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value);
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', ticket.url);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(s3Problem(xhr.status, xhr.responseText));
    xhr.onerror = () => reject(new ApiProblem(0, 'network', 'The file could not be sent (network error)'));
    xhr.onabort = () => reject(new ApiProblem(0, 'aborted', 'The upload was stopped'));
    xhr.send(form);
  });
