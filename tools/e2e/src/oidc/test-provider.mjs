// A real OpenID Connect provider (oidc-provider) for the single sign-on tests: one confidential
// client, one account, and a sign-in that needs no person. A browser (or a test following
// redirects with a cookie jar) sent to the authorization endpoint is logged in as the account and
// its consent granted, then sent back to the client's redirect URI with a code.
//
//   node test-provider.mjs <port> <redirect uri> <client id> <client secret>
// prints `oidc test provider listening on <issuer>` when it is ready.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const [port, redirectUri, clientId, clientSecret] = process.argv.slice(2);
if (!port || !redirectUri || !clientId || !clientSecret) {
  console.error('usage: test-provider.mjs <port> <redirect uri> <client id> <client secret>');
  process.exit(2);
}

export const ACCOUNT = {
  sub: 'sso-test-account-1',
  email: 'sso.person@example.com',
  email_verified: true,
  name: 'Sso Person',
};

const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  findAccount: (_ctx, id) => (id === ACCOUNT.sub ? { accountId: id, claims: () => ({ ...ACCOUNT }) } : undefined),
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  pkce: { required: () => true },
  cookies: { keys: ['oidc-test-provider-cookie-key'] },
});

/** Every interaction ends at once: login as the one account, then consent to what the client asked. */
async function interact(req, res) {
  const details = await provider.interactionDetails(req, res);
  const { prompt, params, session } = details;
  let result;
  if (prompt.name === 'login') {
    result = { login: { accountId: ACCOUNT.sub } };
  } else {
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
    if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(prompt.details.missingResourceScopes ?? {}))
      grant.addResourceScope(indicator, scopes.join(' '));
    result = { consent: { grantId: await grant.save() } };
  }
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
}

const handle = provider.callback();
const server = createServer((req, res) => {
  if (req.url?.startsWith('/interaction/')) {
    interact(req, res).catch((error) => {
      console.error(error);
      res.statusCode = 500;
      res.end(String(error));
    });
    return;
  }
  handle(req, res);
});
server.listen(Number(port), '127.0.0.1', () => console.log(`oidc test provider listening on ${issuer}`));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
