// Sign-in with OpenID Connect: the authorization-code flow with PKCE, as CobaltConnect's
// back-office provider (or the development sign-in of `make run`) expects it. The app keeps
// the access token for this tab only (sessionStorage) and sends it to the APIs.

export type AppConfig = { oidc: { issuer: string; client_id: string; scope: string } };
export type Discovery = {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint?: string;
};
export type Session = {
  accessToken: string;
  expiresAt: number; // ms since the epoch
  name: string;
  storeName: string;
  merchantId: string;
};
type Pending = { verifier: string; state: string; nonce: string; returnTo: string };

const SESSION = "cobalt.session";
const PENDING = "cobalt.signin";

export function base64url(bytes: Uint8Array): string {
  let text = "";
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export function randomToken(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** The S256 code challenge of a PKCE verifier. */
export async function challengeFor(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

export function authorizeUrl(
  discovery: Discovery,
  config: AppConfig["oidc"],
  redirectUri: string,
  pending: Pending,
  challenge: string,
): string {
  const query = new URLSearchParams({
    response_type: "code",
    client_id: config.client_id,
    redirect_uri: redirectUri,
    scope: config.scope,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: challenge,
    code_challenge_method: "S256",
  });
  return `${discovery.authorization_endpoint}?${query}`;
}

/** The claims of a JWT, unverified: the APIs verify the access token; the app only reads the
 * ID token it just received from the provider's token endpoint to say who is signed in. */
export function claimsOf(token: string): Record<string, unknown> {
  const part = token.split(".")[1];
  if (!part) throw new Error("the sign-in answer is not a token");
  const padded = part.replaceAll("-", "+").replaceAll("_", "/");
  const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

export function sessionFrom(
  tokens: { access_token: string; id_token: string; expires_in: number },
  expected: { issuer: string; clientId: string; nonce: string },
  now: number,
): Session {
  const claims = claimsOf(tokens.id_token);
  const audience = claims["aud"];
  const audiences = Array.isArray(audience) ? audience : [audience];
  if (claims["iss"] !== expected.issuer) throw new Error("the sign-in came from another provider");
  if (!audiences.includes(expected.clientId)) throw new Error("the sign-in was meant for another app");
  if (claims["nonce"] !== expected.nonce) throw new Error("the sign-in answer does not match");
  return {
    accessToken: tokens.access_token,
    expiresAt: now + tokens.expires_in * 1000,
    name: String(claims["name"] ?? claims["sub"] ?? ""),
    storeName: String(claims["merchant_name"] ?? ""),
    merchantId: String(claims["merchant_id"] ?? ""),
  };
}

// ----------------------------------------------------------------------------- browser side

async function getJson<T>(url: string): Promise<T> {
  const answer = await fetch(url, { headers: { Accept: "application/json" } });
  if (!answer.ok) throw new Error(`${url} answered ${answer.status}`);
  return (await answer.json()) as T;
}

async function provider(): Promise<{ config: AppConfig["oidc"]; discovery: Discovery }> {
  const { oidc } = await getJson<AppConfig>("/app-config.json");
  if (!oidc.issuer) {
    throw new Error(
      "sign-in is not set up for this CobaltConnect: its operator names the sign-in provider in app-config.json",
    );
  }
  const discovery = await getJson<Discovery>(
    `${oidc.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
  );
  return { config: oidc, discovery };
}

function redirectUri(): string {
  return `${location.origin}/`;
}

export function currentSession(now = Date.now()): Session | null {
  const raw = sessionStorage.getItem(SESSION);
  if (!raw) return null;
  const session = JSON.parse(raw) as Session;
  return session.expiresAt > now + 30_000 ? session : null;
}

export async function beginSignIn(): Promise<void> {
  const { config, discovery } = await provider();
  const pending: Pending = {
    verifier: randomToken(48),
    state: randomToken(16),
    nonce: randomToken(16),
    returnTo: location.hash || "#/payables",
  };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const challenge = await challengeFor(pending.verifier);
  location.assign(authorizeUrl(discovery, config, redirectUri(), pending, challenge));
}

/** Finish a sign-in when the provider sent the browser back with a code. */
export async function completeSignIn(): Promise<Session | null> {
  const params = new URLSearchParams(location.search);
  const code = params.get("code");
  const error = params.get("error");
  if (!code && !error) return null;
  const raw = sessionStorage.getItem(PENDING);
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, "", "/" + (raw ? (JSON.parse(raw) as Pending).returnTo : ""));
  if (error) throw new Error(params.get("error_description") ?? error);
  if (!raw) throw new Error("this sign-in was started in another tab: sign in again");
  const pending = JSON.parse(raw) as Pending;
  if (params.get("state") !== pending.state) throw new Error("the sign-in answer does not match");
  const { config, discovery } = await provider();
  const answer = await fetch(discovery.token_endpoint, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code: code ?? "",
      redirect_uri: redirectUri(),
      client_id: config.client_id,
      code_verifier: pending.verifier,
    }),
  });
  const body = (await answer.json()) as Record<string, unknown>;
  if (!answer.ok) throw new Error(String(body["error_description"] ?? "the sign-in failed"));
  const session = sessionFrom(
    body as { access_token: string; id_token: string; expires_in: number },
    { issuer: discovery.issuer, clientId: config.client_id, nonce: pending.nonce },
    Date.now(),
  );
  sessionStorage.setItem(SESSION, JSON.stringify(session));
  return session;
}

export async function signOut(): Promise<void> {
  sessionStorage.removeItem(SESSION);
  try {
    const { discovery } = await provider();
    if (discovery.end_session_endpoint) {
      const back = new URLSearchParams({ post_logout_redirect_uri: `${redirectUri()}#/signed-out` });
      location.assign(`${discovery.end_session_endpoint}?${back}`);
      return;
    }
  } catch {
    // The provider is out of reach: signed out here all the same.
  }
  location.assign("/#/signed-out");
}
