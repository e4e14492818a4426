// What went wrong, in the merchant's words: the API's own message (it is written for people),
// never raw JSON; a lost network is a retryable message, never a blank page.

export type ErrorBody = {
  error?: {
    code?: string;
    message?: string;
    field?: string | null;
    problems?: { field?: string; problem?: string }[] | null;
  };
};

/** An answer from the API that refused the request. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The request never got an answer (offline, server down, timed out). */
export class NetworkProblem extends Error {
  constructor() {
    super(
      "CobaltConnect could not be reached. Check the internet connection, then try again.",
    );
  }
}

export function problemOf(status: number, body: unknown): ApiProblem {
  const error = (body as ErrorBody | null)?.error;
  const fields: Record<string, string> = {};
  for (const p of error?.problems ?? []) {
    if (p.field && p.problem && !(p.field in fields)) fields[p.field] = sentence(p.problem);
  }
  if (error?.field && error.message) fields[error.field] = sentence(error.message);
  return new ApiProblem(status, error?.code ?? "error", messageFor(status, error), fields);
}

function messageFor(status: number, error: NonNullable<ErrorBody["error"]> | undefined): string {
  if (status === 401) return "Your sign-in has ended. Sign in again to continue.";
  if (status === 403) return "This sign-in cannot do that. Ask the store's owner or support.";
  if (status >= 500 || !error?.message) {
    return `CobaltConnect could not do that just now (error ${status}). Try again in a minute; if it keeps happening, contact support.`;
  }
  if (error.code === "invalid" && error.problems?.length) {
    return "Some of what was entered needs a change: see the fields marked below.";
  }
  return sentence(error.message);
}

/** "vendor name is required" -> "Vendor name is required." */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const first = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/** The message to show for anything thrown. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiProblem || error instanceof NetworkProblem) return error.message;
  if (error instanceof Error && error.message) return sentence(error.message);
  return "Something went wrong. Try again.";
}

export function fieldsOf(error: unknown): Record<string, string> {
  return error instanceof ApiProblem ? error.fields : {};
}

export function retryable(error: unknown): boolean {
  return error instanceof NetworkProblem || (error instanceof ApiProblem && error.status >= 500);
}
