import { describe, expect, it } from "vitest";
import { type Bill, type Credit, paymentBody, totals, visibleBills } from "./logic";

const bill = (id: string, vendor: string, due: string | null, open: string): Bill =>
  ({
    id,
    vendor_name: vendor,
    invoice_number: `INV-${id}`,
    due_date: due,
    open_balance: open,
  }) as unknown as Bill;
const credit = (id: string, vendor: string, available: string): Credit =>
  ({ id, vendor_name: vendor, invoice_number: `CR-${id}`, available }) as unknown as Credit;

const BILLS = [
  bill("1", "Zed Wines", "2026-12-05", "300.00"),
  bill("2", "acme beverage", "2026-11-28", "120.00"),
  bill("3", "Acme Beverage", null, "80.00"),
  bill("4", "Beer Co", "2026-11-28", "500.00"),
];

describe("pay bills", () => {
  it("filters by due date and sorts three ways", () => {
    const ids = (bills: Bill[]) => bills.map((b) => b.id);
    expect(ids(visibleBills(BILLS, { dueBy: "2026-11-30", sort: "due" }))).toEqual(["2", "4"]);
    expect(ids(visibleBills(BILLS, { dueBy: null, sort: "due" }))).toEqual(["2", "4", "1", "3"]);
    expect(ids(visibleBills(BILLS, { dueBy: null, sort: "vendor" }))).toEqual(["2", "3", "4", "1"]);
    expect(ids(visibleBills(BILLS, { dueBy: null, sort: "amount" }))).toEqual(["4", "1", "2", "3"]);
  });
  it("adds up what is due, selected, credited and checked, per vendor", () => {
    const t = totals(BILLS, [credit("c", "ACME Beverage", "25.00")], { "2": "120.00", "3": "80" }, {
      c: "25.00",
    });
    expect([t.due, t.selected, t.credits, t.checks]).toEqual([100000, 20000, 2500, 17500]);
    expect(t.vendors).toEqual([
      { vendor: "acme beverage", bills: 20000, credits: 2500, check: 17500, invoices: ["INV-2", "INV-3"] },
    ]);
    expect(t.problems).toEqual({});
  });
  it("says what is wrong with an amount before anything is sent", () => {
    const t = totals(BILLS, [credit("c", "Beer Co", "600.00")], { "1": "301", "2": "abc" }, {
      c: "600.00",
    });
    expect(t.problems["1"]).toMatch(/only 300.00 open/);
    expect(t.problems["2"]).toMatch(/amount above zero/);
    expect(t.problems["c"]).toMatch(/select one/);
  });
  it("builds the payment the API expects", () => {
    const body = paymentBody({ "2": "120" }, { c: "25.5" }, {
      paymentDate: "2026-11-30",
      payFrom: "operating-account",
      numbering: "number",
      checkNumber: " 1001 ",
    });
    expect(body).toEqual({
      bills: [{ bill_id: "2", amount: "120.00" }],
      credits: [{ credit_id: "c", amount: "25.50" }],
      payment_date: "2026-11-30",
      pay_from: "operating-account",
      check_number: "1001",
      to_be_printed: false,
    });
    const printed = paymentBody({}, {}, {
      paymentDate: "2026-11-30",
      payFrom: "bank:1",
      numbering: "print",
      checkNumber: "1001",
    });
    expect([printed.check_number, printed.to_be_printed]).toEqual([null, true]);
  });
});
