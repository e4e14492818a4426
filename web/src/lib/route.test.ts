import { describe, expect, it } from "vitest";
import { routeOf } from "./route";

describe("routeOf", () => {
  it("reads the page, an id after it and the filters", () => {
    expect(routeOf("#/entries/abc").rest).toEqual(["abc"]);
    const failed = routeOf("#/entries?state=failed");
    expect(failed.page).toBe("entries");
    expect(failed.query.get("state")).toBe("failed");
    expect(routeOf("").page).toBe("");
    expect(routeOf("#/sync").rest).toEqual([]);
  });
});
