import { httpHandler } from '../../shared/http/http-handler.js';
import { buildOpenApi } from '../openapi/build-openapi.js';

const document = buildOpenApi();

export const handler = httpHandler({ public: true }, async () => document);
