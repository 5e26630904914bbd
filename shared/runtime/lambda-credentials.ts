import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * Lambda puts the function role's credentials in the environment, always: the SDK's full default
 * chain (SSO, ini files, IMDS, STS web identity…) is dead weight in a function bundle. Bundling maps
 * `@aws-sdk/credential-provider-node` here.
 */
export const defaultProvider = () => fromEnv();
