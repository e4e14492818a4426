// Pay Bills, decided here without I/O: which bills show (due on or before a date), in which
// order, what the selection adds up to per vendor, and the payment the API receives.
import type { Payables } from "../api/client";
import { type Cents, fromCents, toCents } from "../lib/money";
import { onOrBefore } from "../lib/time";

export type Bill = Payables["schemas"]["BillOut"];
export type Credit = Payables["schemas"]["CreditOut"];
export type SortKey = "due" | "vendor" | "amount";
export type Picked = Record<string, string>; // id -> amount typed (the open amount by default)

export type View = { dueBy: string | null; sort: SortKey };

/** The bills shown: due on or before `dueBy` when set (a bill without a due date shows only
 * when no date is set), sorted by due date, vendor or amount. */
export function visibleBills(bills: readonly Bill[], view: View): Bill[] {
  const shown = view.dueBy ? bills.filter((b) => onOrBefore(b.due_date, view.dueBy!)) : [...bills];
  const byVendor = (a: Bill, b: Bill) =>
    a.vendor_name.localeCompare(b.vendor_name, "en", { sensitivity: "base" });
  const byDue = (a: Bill, b: Bill) => (a.due_date ?? "9999").localeCompare(b.due_date ?? "9999");
  const byAmount = (a: Bill, b: Bill) => (toCents(b.open_balance) ?? 0) - (toCents(a.open_balance) ?? 0);
  const order = { due: [byDue, byVendor], vendor: [byVendor, byDue], amount: [byAmount, byDue] }[
    view.sort
  ];
  return shown.sort((a, b) => order.map((f) => f(a, b)).find((n) => n !== 0) ?? 0);
}

export type VendorTotal = {
  vendor: string;
  bills: Cents;
  credits: Cents;
  check: Cents;
  invoices: string[];
};

export type Totals = {
  due: Cents; // every open bill shown
  selected: Cents; // the bills picked
  credits: Cents; // the credits picked
  checks: Cents; // what the checks come to
  vendors: VendorTotal[];
  problems: Record<string, string>; // id -> why the amount typed cannot be used
};

export function totals(
  bills: readonly Bill[],
  credits: readonly Credit[],
  pickedBills: Picked,
  pickedCredits: Picked,
): Totals {
  const problems: Record<string, string> = {};
  const vendors = new Map<string, VendorTotal>();
  const vendor = (name: string) => {
    const key = name.toLocaleLowerCase("en");
    let row = vendors.get(key);
    if (!row) {
      row = { vendor: name, bills: 0, credits: 0, check: 0, invoices: [] };
      vendors.set(key, row);
    }
    return row;
  };
  const amountOf = (id: string, typed: string, open: string, what: string): Cents => {
    const cents = toCents(typed);
    const limit = toCents(open) ?? 0;
    if (cents === null || cents <= 0) problems[id] = `Enter an amount above zero for ${what}.`;
    else if (cents > limit) problems[id] = `${what} has only ${fromCents(limit)} open.`;
    return cents ?? 0;
  };
  let selected = 0;
  let creditTotal = 0;
  for (const bill of bills) {
    const typed = pickedBills[bill.id];
    if (typed === undefined) continue;
    const cents = amountOf(bill.id, typed, bill.open_balance, `bill ${bill.invoice_number}`);
    const row = vendor(bill.vendor_name);
    row.bills += cents;
    row.invoices.push(bill.invoice_number);
    selected += cents;
  }
  for (const credit of credits) {
    const typed = pickedCredits[credit.id];
    if (typed === undefined) continue;
    const cents = amountOf(credit.id, typed, credit.available, `credit ${credit.invoice_number}`);
    const row = vendor(credit.vendor_name);
    row.credits += cents;
    creditTotal += cents;
    if (row.bills === 0) {
      problems[credit.id] = `Credit ${credit.invoice_number} applies to bills of ${credit.vendor_name}: select one.`;
    }
  }
  const rows = [...vendors.values()].map((r) => ({ ...r, check: r.bills - r.credits }));
  for (const row of rows) {
    if (row.check < 0) problems[`vendor:${row.vendor}`] = `Credits for ${row.vendor} are more than the bills selected.`;
  }
  const due = bills.reduce((sum, b) => sum + (toCents(b.open_balance) ?? 0), 0);
  return {
    due,
    selected,
    credits: creditTotal,
    checks: selected - creditTotal,
    vendors: rows.filter((r) => r.bills > 0 || r.credits > 0),
    problems,
  };
}

export type CheckOptions = {
  paymentDate: string;
  payFrom: string;
  numbering: "number" | "print";
  checkNumber: string;
};

/** The body of Send to QuickBooks (and of its preview). */
export function paymentBody(
  pickedBills: Picked,
  pickedCredits: Picked,
  options: CheckOptions,
): Payables["schemas"]["PaymentIn"] {
  const amount = (typed: string) => fromCents(toCents(typed) ?? 0);
  return {
    bills: Object.entries(pickedBills).map(([bill_id, typed]) => ({ bill_id, amount: amount(typed) })),
    credits: Object.entries(pickedCredits).map(([credit_id, typed]) => ({
      credit_id,
      amount: amount(typed),
    })),
    payment_date: options.paymentDate,
    ...(options.payFrom ? { pay_from: options.payFrom } : {}),
    check_number: options.numbering === "number" ? options.checkNumber.trim() || null : null,
    to_be_printed: options.numbering === "print",
  };
}
