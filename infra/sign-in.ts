import { Aws, Duration } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';

/** What the web app asks for: the ID token carries `email`, which is who the caller is for the API. */
export const WEB_SCOPES = [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE];
export const WEB_SCOPE = WEB_SCOPES.map((s) => s.scopeName).join(' ');

/**
 * Without `-c authDomainPrefix`: one per account, which is unique in a region across every AWS
 * account (the stack names are fixed, so an account holds one examdesk per region anyway).
 */
export const defaultAuthDomainPrefix = (): string => `examdesk-${Aws.ACCOUNT_ID}`;

/**
 * The hosted sign-in pages of a Cognito domain prefix, as CDK's `UserPoolDomain.baseUrl()` writes
 * it. Built from the prefix and the region alone, so the web hosting stack (deployed before the
 * user pool's stack) can name it in the app's Content-Security-Policy without a reference back.
 */
export const cognitoSignInUrl = (prefix: string): string =>
  `https://${prefix}.auth.${Aws.REGION}.amazoncognito.com`;

export interface WebSignInProps {
  domainPrefix: string;
  /** Every origin the app is served from; each `<origin>/` is a callback and a sign-out URL. */
  appOrigins: readonly string[];
}

/**
 * The browser's way in: a Cognito domain (hosted sign-in, sign-up and sign-out pages) and an app
 * client for the authorization code flow with PKCE, no secret (a browser cannot keep one), no
 * implicit flow (tokens in URLs), and refresh tokens. Both hang under the user pool, like its
 * first client, so nothing existing changes logical id.
 */
export const webSignIn = (userPool: cognito.UserPool, props: WebSignInProps) => {
  const domain = userPool.addDomain('SignInDomain', {
    cognitoDomain: { domainPrefix: props.domainPrefix },
  });
  const urls = props.appOrigins.map((origin) => `${origin}/`);
  const webClient = userPool.addClient('WebClient', {
    generateSecret: false,
    oAuth: {
      flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
      scopes: WEB_SCOPES,
      callbackUrls: urls,
      logoutUrls: urls,
    },
    supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
    // The hosted pages sign in with SRP; refresh tokens renew the session (oidc-client-ts).
    authFlows: { userSrp: true },
    preventUserExistenceErrors: true,
    enableTokenRevocation: true,
    idTokenValidity: Duration.hours(1),
    accessTokenValidity: Duration.hours(1),
    refreshTokenValidity: Duration.days(30),
  });
  return { domain, webClient, signInUrl: cognitoSignInUrl(props.domainPrefix) };
};
