// One typed client per service, all on this origin (the web server or Ingress routes each
// path to its service), each request signed with the signed-in store's access token.
import createClient, { type Middleware } from "openapi-fetch";
import { ApiProblem, NetworkProblem, problemOf } from "../lib/errors";
import { currentSession } from "../lib/oidc";
import type { paths as CoaPaths } from "./coa";
import type { paths as GatewayPaths } from "./qbwc-gateway";
import type { paths as OrdersPaths } from "./orders";
import type { paths as PayablesPaths } from "./payables";
import type { paths as ReportingPaths } from "./reporting";

export type { components as Payables } from "./payables";
export type { components as Coa } from "./coa";
export type { components as Orders } from "./orders";
export type { components as Gateway } from "./qbwc-gateway";
export type { components as Reporting } from "./reporting";

let onSignedOut: () => void = () => {};

/** Called when the APIs say the sign-in has ended (401): the app shows the sign-in page. */
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

const signed: Middleware = {
  onRequest({ request }) {
    const session = currentSession();
    if (session) request.headers.set("Authorization", `Bearer ${session.accessToken}`);
    return request;
  },
};

function client<P extends {}>() {
  const made = createClient<P>({ baseUrl: "" });
  made.use(signed);
  return made;
}

export const orders = client<OrdersPaths>();
export const payables = client<PayablesPaths>();
export const coa = client<CoaPaths>();
export const gateway = client<GatewayPaths>();
export const reporting = client<ReportingPaths>();

type Answer<T> = { data?: T; error?: unknown; response: Response };

/** The data of a call, or an ApiProblem (refused) or NetworkProblem (no answer) thrown. */
export async function call<T>(request: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await request;
  } catch {
    throw new NetworkProblem();
  }
  if (!answer.response.ok) {
    const problem = problemOf(answer.response.status, answer.error);
    if (answer.response.status === 401) onSignedOut();
    throw problem;
  }
  return answer.data as T;
}

export function isProblem(error: unknown, code: string): boolean {
  return error instanceof ApiProblem && error.code === code;
}

/** A fresh idempotency key: one per intended action, so a double click is one action. */
export function newKey(): string {
  return crypto.randomUUID();
}
