import { httpHandler } from '../../shared/http/http-handler.js';
// The committed document, kept equal to the one built from the route table by a test: serving
// the file keeps zod's JSON-schema generator and every schema out of this function's bundle.
import document from '../../openapi.json' with { type: 'json' };

export const handler = httpHandler({ public: true }, async () => document);
