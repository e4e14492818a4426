import { describe, expect, it } from "vitest";
import { authorizeUrl, base64url, challengeFor, claimsOf, sessionFrom } from "./oidc";

const token = (claims: object) =>
  `x.${base64url(new TextEncoder().encode(JSON.stringify(claims)))}.y`;

describe("sign-in", () => {
  it("makes the PKCE challenge of RFC 7636's example", async () => {
    expect(await challengeFor("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe(
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
  });
  it("asks the provider for a code with PKCE", () => {
    const url = new URL(
      authorizeUrl(
        { issuer: "https://p", authorization_endpoint: "https://p/authorize", token_endpoint: "" },
        { issuer: "https://p", client_id: "web", scope: "openid profile" },
        "https://app/",
        { verifier: "v", state: "s1", nonce: "n1", returnTo: "#/" },
        "c1",
      ),
    );
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: "code",
      client_id: "web",
      redirect_uri: "https://app/",
      state: "s1",
      nonce: "n1",
      code_challenge: "c1",
      code_challenge_method: "S256",
    });
  });
  it("reads who signed in, and refuses an answer meant for someone else", () => {
    const id = token({
      iss: "https://p",
      aud: "web",
      nonce: "n1",
      name: "Dana Whitfield",
      merchant_name: "Demo Liquors",
      merchant_id: "m-1",
    });
    const tokens = { access_token: "a", id_token: id, expires_in: 3600 };
    const expected = { issuer: "https://p", clientId: "web", nonce: "n1" };
    const session = sessionFrom(tokens, expected, 1000);
    expect(session).toEqual({
      accessToken: "a",
      expiresAt: 3_601_000,
      name: "Dana Whitfield",
      storeName: "Demo Liquors",
      merchantId: "m-1",
    });
    expect(() => sessionFrom(tokens, { ...expected, nonce: "other" }, 0)).toThrow(/does not match/);
    expect(() => sessionFrom(tokens, { ...expected, clientId: "x" }, 0)).toThrow(/another app/);
    expect(() => sessionFrom(tokens, { ...expected, issuer: "https://q" }, 0)).toThrow(
      /another provider/,
    );
    expect(claimsOf(id)["merchant_name"]).toBe("Demo Liquors");
  });
});
