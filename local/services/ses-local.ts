import type { Server } from 'node:http';
import sesServer from 'aws-ses-v2-local';
import { freePort } from './free-port.js';

export interface SesLocal {
  endpoint: string;
  stop(): Promise<void>;
}

/** aws-ses-v2-local in-process: mail viewer at `/`, JSON mailbox at `/store`. */
export const startSesLocal = async (): Promise<SesLocal> => {
  const port = await freePort();
  const server: Server = await sesServer.default({ host: '127.0.0.1', port });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
};
