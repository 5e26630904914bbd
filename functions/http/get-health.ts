import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler({ public: true }, async ({ deps }) => ({
  status: 'ok',
  time: deps.clock.now().toISOString(),
}));
