import { SESv2Client } from '@aws-sdk/client-sesv2';
import { clientOptions, registerClient } from './deps.js';

registerClient('ses', (env) => new SESv2Client(clientOptions(env)));
