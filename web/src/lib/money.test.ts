import { describe, expect, it } from "vitest";
import { formatMoney, fromCents, sumCents, toCents } from "./money";

describe("money", () => {
  it("reads what people type", () => {
    expect(toCents("12")).toBe(1200);
    expect(toCents("12.5")).toBe(1250);
    expect(toCents("$1,234.56")).toBe(123456);
    expect(toCents(".75")).toBe(75);
    expect(toCents(" 8.50 ")).toBe(850);
  });
  it("refuses what is not an amount", () => {
    for (const bad of ["", "abc", "1.234", "-5", "1,23", "12.3.4", "."]) {
      expect(toCents(bad)).toBeNull();
    }
  });
  it("writes the API's form and people's form", () => {
    expect(fromCents(123456)).toBe("1234.56");
    expect(fromCents(5)).toBe("0.05");
    expect(fromCents(-250)).toBe("-2.50");
    expect(formatMoney("1154.50")).toBe("$1,154.50");
    expect(formatMoney(-2500)).toBe("−$25.00");
    expect(formatMoney("0.00")).toBe("$0.00");
  });
  it("adds in cents, not floating point", () => {
    expect(sumCents(["0.10", "0.20", "0.30"])).toBe(60);
    expect(fromCents(sumCents(["1154.50", 1050]))).toBe("1165.00");
  });
});
