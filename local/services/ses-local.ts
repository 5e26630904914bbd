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
  // A CommonJS default export: Node's loader nests it under .default, Vite's does not.
  const start = (typeof sesServer === 'function' ? sesServer : sesServer.default) as typeof sesServer.default;
  const server: Server = await start({ host: '127.0.0.1', port });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
};
