import { createServer, request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { freePort } from '../services/free-port.js';

/** A refusal in the service's own wire format: status, headers and body as AWS sends them. */
export interface Refusal {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface GateRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface Gate {
  endpoint: string;
  stop(): Promise<void>;
}

const readAll = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/**
 * An HTTP front for an emulator that is lenient where AWS is not: `check` answers a request the way
 * the real service refuses it (bad signature, missing grant, unverified sender) or lets it through
 * to the emulator unchanged.
 */
export const startGate = async (options: {
  upstream: string;
  check: (req: GateRequest) => Promise<Refusal | undefined>;
}): Promise<Gate> => {
  const upstream = new URL(options.upstream);
  const port = await freePort();
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const body = await readAll(req);
        const incoming: GateRequest = {
          method: req.method ?? 'GET',
          url: req.url ?? '/',
          headers: req.headers,
          body,
        };
        const refusal = await options.check(incoming);
        if (refusal) {
          res.writeHead(refusal.status, refusal.headers);
          res.end(refusal.body);
          return;
        }
        const forward = request(
          {
            host: upstream.hostname,
            port: upstream.port,
            method: incoming.method,
            path: incoming.url,
            headers: { ...req.headers, host: upstream.host },
          },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        forward.on('error', (error) => {
          if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(`local gate: upstream failed: ${error.message}`);
        });
        forward.end(body);
      } catch (error) {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`local gate failure: ${String(error)}`);
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
