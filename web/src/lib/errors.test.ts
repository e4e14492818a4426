import { describe, expect, it } from "vitest";
import { ApiProblem, NetworkProblem, messageOf, problemOf, retryable, sentence } from "./errors";

describe("errors in the merchant's words", () => {
  it("uses the API's message as a sentence, with its field", () => {
    const p = problemOf(422, {
      error: { code: "invalid", message: "vendor name is required", field: "vendor_name" },
    });
    expect(p.message).toBe("Vendor name is required.");
    expect(p.fields).toEqual({ vendor_name: "Vendor name is required." });
  });
  it("puts each validation problem beside its field", () => {
    const p = problemOf(422, {
      error: {
        code: "invalid",
        message: "check_number: String should have at most 11 characters",
        problems: [{ field: "check_number", problem: "String should have at most 11 characters" }],
      },
    });
    expect(p.fields["check_number"]).toBe("String should have at most 11 characters.");
    expect(p.message).toMatch(/see the fields marked/);
  });
  it("never shows raw JSON or a server's guts", () => {
    expect(problemOf(500, "<html>boom</html>").message).toMatch(/could not do that just now/);
    expect(problemOf(502, { error: { message: "upstream" } }).message).toMatch(/error 502/);
    expect(problemOf(401, {}).message).toMatch(/Sign in again/);
  });
  it("says a lost network can be retried", () => {
    expect(messageOf(new NetworkProblem())).toMatch(/could not be reached/);
    expect(retryable(new NetworkProblem())).toBe(true);
    expect(retryable(new ApiProblem(409, "conflict", "x"))).toBe(false);
  });
  it("writes sentences", () => {
    expect(sentence("done")).toBe("Done.");
    expect(sentence("Done!")).toBe("Done!");
  });
});
