/** Where the local OpenID provider lives on the gateway; its issuer is `${origin}${OIDC_PATH}`. */
export const OIDC_PATH = '/_local/oidc';
/** What the app asks for, as with Cognito's app client. */
export const OIDC_SCOPES = ['openid', 'email', 'profile'] as const;

export const oidcAuthority = (origin: string): string => `${origin}${OIDC_PATH}`;

export const oidcEndpoints = (authority: string) => ({
  authorization: `${authority}/authorize`,
  token: `${authority}/token`,
  jwks: `${authority}/jwks`,
  userinfo: `${authority}/userinfo`,
  endSession: `${authority}/logout`,
  revocation: `${authority}/revoke`,
});

/**
 * The OpenID Provider Metadata (OpenID Connect Discovery 1.0 §3) at
 * `${authority}/.well-known/openid-configuration`; `issuer` is the authority itself, as the spec
 * requires and as Cognito's is its user pool URL.
 */
export const discoveryDocument = (authority: string) => {
  const endpoints = oidcEndpoints(authority);
  return {
    issuer: authority,
    authorization_endpoint: endpoints.authorization,
    token_endpoint: endpoints.token,
    jwks_uri: endpoints.jwks,
    userinfo_endpoint: endpoints.userinfo,
    end_session_endpoint: endpoints.endSession,
    revocation_endpoint: endpoints.revocation,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: [...OIDC_SCOPES],
    token_endpoint_auth_methods_supported: ['none'],
    revocation_endpoint_auth_methods_supported: ['none'],
    claims_supported: ['sub', 'email', 'email_verified', 'cognito:groups', 'nonce', 'auth_time'],
  };
};
