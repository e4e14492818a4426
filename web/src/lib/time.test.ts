import { describe, expect, it } from "vitest";
import { addDays, dateInZone, formatDay, formatInstant, onOrBefore } from "./time";

describe("store time", () => {
  it("dates an evening in New York that day, not tomorrow (UTC)", () => {
    // 23:30 in New York on Nov 30 is 04:30 UTC on Dec 1.
    const instant = new Date("2026-12-01T04:30:00Z");
    expect(dateInZone(instant, "America/New_York")).toBe("2026-11-30");
    expect(dateInZone(instant, "UTC")).toBe("2026-12-01");
    expect(dateInZone(instant, "Asia/Tokyo")).toBe("2026-12-01");
  });
  it("keeps the month when the 30th ends", () => {
    const instant = new Date("2026-05-01T01:00:00Z"); // 9 pm on April 30 in New York
    expect(dateInZone(instant, "America/New_York")).toBe("2026-04-30");
  });
  it("moves by calendar days across months and DST", () => {
    expect(addDays("2026-11-30", 1)).toBe("2026-12-01");
    expect(addDays("2026-03-08", -7)).toBe("2026-03-01");
  });
  it("shows dates and instants for people", () => {
    expect(formatDay("2026-11-30")).toBe("Nov 30, 2026");
    expect(formatInstant("2026-12-01T04:30:00Z", "America/New_York")).toBe(
      "Nov 30, 2026, 11:30 PM",
    );
  });
  it("compares due dates", () => {
    expect(onOrBefore("2026-11-30", "2026-11-30")).toBe(true);
    expect(onOrBefore("2026-12-01", "2026-11-30")).toBe(false);
    expect(onOrBefore(null, "2026-11-30")).toBe(false);
  });
});
