// A real OpenID provider for the sign-in tests of the customer portal and the back-office console
// (PortalOidcSignInTest, ConsoleOidcSignInTest): the certified oidc-provider package, authorization
// code flow with PKCE for one public client, JWT access tokens (RFC 9068) signed with a fresh RSA key
// that the metering service verifies through the provider's JWK set (METERING_JWT_JWKS_URL). Its
// development login page takes any name.
//
// Environment: PORT, CLIENT_ID, REDIRECT_URI (the page's address), AUDIENCE, ORG_ID, and KIND:
// portal (the default; then CONTACT_ID too) or admin. Prints "ready <issuer>" once it listens.
import { generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const port = Number(env('PORT'));
const issuer = `http://localhost:${port}`;
const audience = env('AUDIENCE');
const kind = process.env.KIND ?? 'portal';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'portal-test-key', alg: 'RS256', use: 'sig' };

const provider = new Provider(issuer, {
  clients: [{
    client_id: env('CLIENT_ID'),
    token_endpoint_auth_method: 'none',
    redirect_uris: [env('REDIRECT_URI')],
    post_logout_redirect_uris: [env('REDIRECT_URI')],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }],
  jwks: { keys: [signingKey] },
  pkce: { required: () => true },
  // the portal runs on another origin and calls discovery and the token endpoint from the browser
  clientBasedCORS: () => true,
  cookies: { keys: ['portal-oidc-test-cookie-key'] },
  findAccount: (ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => audience,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({ scope: 'openid', audience, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } }),
    },
  },
  // what makes the access token a portal or an admin token of this service (README "Authentication")
  extraTokenClaims: () => (kind === 'admin'
    ? { kind: 'admin', org_id: env('ORG_ID') }
    : { kind: 'portal', org_id: env('ORG_ID'), contact_id: env('CONTACT_ID') }),
  ttl: { AccessToken: 3600, AuthorizationCode: 60, Grant: 3600, Interaction: 600, Session: 3600, IdToken: 3600 },
});
provider.proxy = false;

const server = provider.listen(port, '127.0.0.1', () => {
  console.log(`ready ${issuer}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// the test's JVM going away closes stdin: stop with it instead of lingering
process.stdin.on('end', stop);
process.stdin.resume();
