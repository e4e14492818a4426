// Money as the API speaks it: decimal strings with two places ("1154.50"). Sums are done in
// whole cents, never in floating point.

export type Cents = number;

const AMOUNT = /^\s*\$?\s*(\d{1,3}(,\d{3})+|\d+)?(\.(\d{0,2}))?\s*$/;

/** Cents of a typed amount ("12", "12.5", "$1,234.56"); null when it is not an amount. */
export function toCents(text: string): Cents | null {
  const match = AMOUNT.exec(text);
  if (!match || (match[1] === undefined && !match[4])) return null;
  const whole = Number((match[1] ?? "0").replaceAll(",", ""));
  const fraction = Number(((match[4] ?? "") + "00").slice(0, 2));
  const cents = whole * 100 + fraction;
  return Number.isSafeInteger(cents) ? cents : null;
}

/** The API's form of an amount: "1234.56". */
export function fromCents(cents: Cents): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

const DOLLARS = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** An amount for people: "$1,234.56". */
export function formatMoney(value: string | Cents): string {
  const cents = typeof value === "number" ? value : toCents(value.replace("-", ""));
  if (cents === null) return String(value);
  const negative = typeof value === "string" ? value.trim().startsWith("-") : value < 0;
  const shown = DOLLARS.format(Math.abs(cents) / 100);
  return negative && cents !== 0 ? `−${shown}` : shown;
}

export function sumCents(values: Iterable<string | Cents>): Cents {
  let total = 0;
  for (const value of values) total += typeof value === "number" ? value : (toCents(value) ?? 0);
  return total;
}
