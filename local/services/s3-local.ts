import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { freePort } from './free-port.js';

/** An S3 record as s3rver emits it (keys not URL-encoded, unlike AWS). */
export interface S3rverEvent {
  Records: {
    eventName: string;
    eventTime: string;
    s3: { bucket: { name: string }; object: { key: string; size: number; eTag?: string } };
  }[];
}

/**
 * A request hook in front of s3rver, for what S3 enforces and s3rver does not (presigned POST
 * policies). It answers the request itself and returns true, or returns false to let s3rver serve it.
 */
export type S3Guard = (
  req: IncomingMessage,
  res: ServerResponse,
  forward: (body?: Buffer) => void,
) => Promise<boolean>;

export interface S3Local {
  endpoint: string;
  onObjectEvent(listener: (event: S3rverEvent) => void): void;
  setGuard(guard: S3Guard | undefined): void;
  stop(): Promise<void>;
}

/**
 * A request whose body a guard already read, readable again for s3rver: a stream of the same bytes
 * that carries the request's method, url, headers and socket (what s3rver and Koa read).
 */
const replay = (req: IncomingMessage, body: Buffer): IncomingMessage => {
  const copy = new PassThrough();
  copy.end(body);
  return Object.assign(copy, {
    method: req.method,
    url: req.url,
    headers: req.headers,
    rawHeaders: req.rawHeaders,
    httpVersion: req.httpVersion,
    httpVersionMajor: req.httpVersionMajor,
    httpVersionMinor: req.httpVersionMinor,
    socket: req.socket,
    connection: req.socket,
    complete: true,
  }) as unknown as IncomingMessage;
};

export const startS3Local = async (options: { dataDir?: string; buckets: string[] }): Promise<S3Local> => {
  const directory = options.dataDir ?? mkdtempSync(join(tmpdir(), 'examdesk-s3-'));
  mkdirSync(directory, { recursive: true });
  const s3rver = new S3rver({
    silent: true,
    directory,
    vhostBuckets: false,
    configureBuckets: options.buckets.map((name) => ({ name, configs: [] })),
  });
  await s3rver.configureBuckets();
  const serve = s3rver.callback();
  let guard: S3Guard | undefined;
  const port = await freePort();
  const server = createServer((req, res) => {
    const forward = (body?: Buffer) => void serve(body ? replay(req, body) : req, res);
    if (!guard) return forward();
    guard(req, res, forward)
      .then((handled) => {
        if (!handled) forward();
      })
      .catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    onObjectEvent: (listener) => s3rver.on('event', listener),
    setGuard: (g) => {
      guard = g;
    },
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!options.dataDir) rmSync(directory, { recursive: true, force: true });
    },
  };
};
