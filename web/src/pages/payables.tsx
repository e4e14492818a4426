// Accounts Payable, like QuickBooks' Pay Bills: what is due, filtered and sorted; select bills
// and credits; choose date, bank account and check number; confirm the checks; see them go.
import { useMemo, useState } from "preact/hooks";
import { type Coa, type Payables, call, coa, isProblem, newKey, payables } from "../api/client";
import { ActionButton, Badge, Field, Loading, Problem, useFlash, useLoad } from "../components/ui";
import { fieldsOf, messageOf } from "../lib/errors";
import { formatMoney, sumCents } from "../lib/money";
import { problemWith } from "../lib/rules";
import { formatDay, formatInstant } from "../lib/time";
import {
  type Bill,
  type CheckOptions,
  type Picked,
  type SortKey,
  paymentBody,
  totals,
  visibleBills,
} from "../payables/logic";
import { today, useStore } from "../store";

type Data = {
  ap: Payables["schemas"]["AccountsPayable"];
  payments: Payables["schemas"]["PaymentOut"][];
  banks: Coa["schemas"]["PayFromOut"][];
  banksProblem: string | null;
};

async function load(): Promise<Data> {
  const [ap, payments, banks] = await Promise.all([
    call(payables.GET("/accounts-payable")),
    call(payables.GET("/payments", { params: { query: { limit: 100 } } })),
    call(coa.GET("/coa/bank-accounts")).then(
      (found) => ({ found, problem: null as string | null }),
      (error: unknown) => {
        if (isProblem(error, "not_set_up")) return { found: [], problem: messageOf(error) };
        throw error;
      },
    ),
  ]);
  return { ap, payments, banks: banks.found, banksProblem: banks.problem };
}

export function PayablesPage() {
  const loaded = useLoad(load);
  return (
    <>
      <h1>Accounts Payable</h1>
      {loaded.error ? (
        <Problem error={loaded.error} onRetry={loaded.reload} />
      ) : !loaded.data ? (
        <Loading what="bills" />
      ) : (
        <PayBills data={loaded.data} reload={loaded.reload} />
      )}
    </>
  );
}

function PayBills({ data, reload }: { data: Data; reload: () => void }) {
  const store = useStore();
  const flash = useFlash();
  const [dueBy, setDueBy] = useState("");
  const [sort, setSort] = useState<SortKey>("due");
  const [pickedBills, setPickedBills] = useState<Picked>({});
  const [pickedCredits, setPickedCredits] = useState<Picked>({});
  const defaultBank = data.banks.find((b) => b.default) ?? data.banks[0];
  const [options, setOptions] = useState<CheckOptions>({
    paymentDate: today(store),
    payFrom: defaultBank?.key ?? "", // none mapped yet: the API's default account
    numbering: "number",
    checkNumber: "",
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [review, setReview] = useState<Payables["schemas"]["PlannedCheck"][] | null>(null);
  const [key, setKey] = useState(newKey());

  const bills = useMemo(
    () => visibleBills(data.ap.due, { dueBy: dueBy || null, sort }),
    [data, dueBy, sort],
  );
  const sum = totals(bills, data.ap.credits, pickedBills, pickedCredits);
  const change = <K extends keyof CheckOptions>(name: K, value: CheckOptions[K]) => {
    setOptions({ ...options, [name]: value });
    setErrors({});
  };
  const toggle = (picked: Picked, set: (p: Picked) => void, id: string, amount: string) => {
    const next = { ...picked };
    if (id in next) delete next[id];
    else next[id] = amount;
    set(next);
    setErrors({});
  };

  const check = (): Record<string, string> => {
    const found: Record<string, string> = { ...sum.problems };
    if (!Object.keys(pickedBills).length) found["bills"] = "Select at least one bill to pay.";
    if (!options.paymentDate) found["payment_date"] = "Choose the checks' date.";
    if (options.numbering === "number") {
      const problem = problemWith("PaymentIn", "check_number", options.checkNumber, "Check number");
      if (problem) found["check_number"] = problem;
      else if (!options.checkNumber.trim())
        found["check_number"] = "Enter the first check's number, or choose to print them later.";
    }
    return found;
  };

  const startReview = async () => {
    const found = check();
    setErrors(found);
    if (Object.keys(found).length) {
      flash({ text: "Some of the payment needs a change: see the marked fields.", kind: "bad" });
      return;
    }
    try {
      const planned = await call(
        payables.POST("/payments/preview", {
          body: paymentBody(pickedBills, pickedCredits, options),
        }),
      );
      setKey(newKey());
      setReview(planned);
    } catch (error) {
      setErrors(fieldsOf(error));
      throw error;
    }
  };

  const send = async () => {
    const made = await call(
      payables.POST("/payments", {
        body: paymentBody(pickedBills, pickedCredits, options),
        params: { header: { "Idempotency-Key": key } },
      }),
    );
    setReview(null);
    setPickedBills({});
    setPickedCredits({});
    reload();
    flash({
      text: `Sent ${made.length} check${made.length === 1 ? "" : "s"} (${made
        .map((p) => `${p.vendor_name} ${formatMoney(p.amount)}`)
        .join(", ")}). QuickBooks gets them at the next Web Connector update.`,
      kind: "ok",
    });
  };

  const bankName = (keyName: string) =>
    data.banks.find((b) => b.key === keyName)?.qb_full_name ?? keyName;

  return (
    <>
      <p class="muted">
        Select the bills to pay and the credits to apply, then review the checks: one check per
        vendor.
      </p>
      <section class="totals" aria-label="Totals">
        <div>
          <span class="label">Due (shown)</span>
          <strong id="total-due">{formatMoney(sum.due)}</strong>
        </div>
        <div>
          <span class="label">Selected</span>
          <strong id="total-selected">{formatMoney(sum.selected)}</strong>
        </div>
        <div>
          <span class="label">Credits applied</span>
          <strong id="total-credits">{formatMoney(sum.credits)}</strong>
        </div>
        <div>
          <span class="label">Checks total</span>
          <strong id="total-checks">{formatMoney(sum.checks)}</strong>
        </div>
      </section>

      <div class="filters">
        <Field label="Due on or before">
          {({ id }) => (
            <input
              id={id}
              name="due_by"
              type="date"
              value={dueBy}
              onInput={(e) => setDueBy(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field label="Sort by">
          {({ id }) => (
            <select id={id} name="sort" value={sort} onChange={(e) => setSort(e.currentTarget.value as SortKey)}>
              <option value="due">Due date</option>
              <option value="vendor">Vendor</option>
              <option value="amount">Amount</option>
            </select>
          )}
        </Field>
      </div>

      <h2>Bills</h2>
      {errors["bills"] && <p class="error">{errors["bills"]}</p>}
      {!bills.length ? (
        <div class="notice">
          {data.ap.due.length
            ? "No bill is due on or before that date."
            : "Nothing is due. Received orders appear here as bills."}
        </div>
      ) : (
        <table class="stack" id="bills">
          <thead>
            <tr>
              <th scope="col">Pay</th>
              <th scope="col">Vendor</th>
              <th scope="col">Invoice</th>
              <th scope="col">Due</th>
              <th scope="col" class="num">
                Open
              </th>
              <th scope="col" class="num">
                Amount to pay
              </th>
              <th scope="col">QuickBooks</th>
            </tr>
          </thead>
          <tbody>
            {bills.map((bill) => (
              <BillRow
                bill={bill}
                picked={pickedBills[bill.id]}
                problem={sum.problems[bill.id]}
                onToggle={() => toggle(pickedBills, setPickedBills, bill.id, bill.open_balance)}
                onAmount={(v) => setPickedBills({ ...pickedBills, [bill.id]: v })}
              />
            ))}
          </tbody>
        </table>
      )}

      {data.ap.credits.length > 0 && (
        <>
          <h2>Credits</h2>
          <table class="stack" id="credits">
            <thead>
              <tr>
                <th scope="col">Apply</th>
                <th scope="col">Vendor</th>
                <th scope="col">Credit</th>
                <th scope="col" class="num">
                  Available
                </th>
                <th scope="col" class="num">
                  Amount to apply
                </th>
                <th scope="col">QuickBooks</th>
              </tr>
            </thead>
            <tbody>
              {data.ap.credits.map((credit) => {
                const picked = pickedCredits[credit.id];
                const box = `credit-${credit.id}`;
                return (
                  <tr>
                    <td data-label="Apply">
                      <input
                        type="checkbox"
                        id={box}
                        class="pick-credit"
                        checked={picked !== undefined}
                        disabled={!credit.payable}
                        onChange={() =>
                          toggle(pickedCredits, setPickedCredits, credit.id, credit.available)
                        }
                      />
                    </td>
                    <td data-label="Vendor">{credit.vendor_name}</td>
                    <td data-label="Credit">
                      <label for={box}>Credit {credit.invoice_number}</label>
                    </td>
                    <td data-label="Available" class="num">
                      {formatMoney(credit.available)}
                    </td>
                    <td data-label="Amount to apply" class="num">
                      {picked !== undefined && (
                        <AmountInput
                          label={`Credit to apply from ${credit.invoice_number}`}
                          value={picked}
                          problem={sum.problems[credit.id]}
                          onInput={(v) => setPickedCredits({ ...pickedCredits, [credit.id]: v })}
                        />
                      )}
                    </td>
                    <td data-label="QuickBooks">
                      <Badge tone={credit.tone}>{credit.state}</Badge>
                      {(credit.tone === "waiting" || credit.tone === "failed") && (
                        <p class="small">
                          {credit.detail} <a href={`#/entries/${credit.id}`}>See the entry</a>
                        </p>
                      )}
                      {credit.quickbooks_note && (
                        <p class="small quickbooks-note">{credit.quickbooks_note}</p>
                      )}
                      {!credit.payable && <p class="small">{credit.not_payable_because}</p>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}

      <h2>Checks</h2>
      <div class="check-options">
        <Field label="Payment date" error={errors["payment_date"]}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="payment_date"
              type="date"
              value={options.paymentDate}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onInput={(e) => change("paymentDate", e.currentTarget.value)}
            />
          )}
        </Field>
        <Field
          label="Pay from"
          error={errors["pay_from"] ?? data.banksProblem ?? undefined}
          hint={data.banks.length ? undefined : "Map the Operating Account in Chart of Accounts."}
        >
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              name="pay_from"
              value={options.payFrom}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => change("payFrom", e.currentTarget.value)}
            >
              {!data.banks.length && <option value="">Operating Account (not mapped yet)</option>}
              {data.banks.map((bank) => (
                <option value={bank.key}>
                  {bank.qb_full_name ?? bank.name}
                  {bank.default ? " (operating account)" : ""}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset class="numbering">
          <legend>Check numbers</legend>
          <label class="inline">
            <input
              type="radio"
              name="numbering"
              value="number"
              checked={options.numbering === "number"}
              onChange={() => change("numbering", "number")}
            />{" "}
            Number the checks
          </label>
          <label class="inline">
            <input
              type="radio"
              name="numbering"
              value="print"
              checked={options.numbering === "print"}
              onChange={() => change("numbering", "print")}
            />{" "}
            Print later in QuickBooks
          </label>
          {options.numbering === "number" && (
            <Field
              label="First check number"
              error={errors["check_number"]}
              hint="Several vendors: their checks are numbered in turn."
            >
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  name="check_number"
                  inputMode="numeric"
                  autoComplete="off"
                  value={options.checkNumber}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  onInput={(e) => change("checkNumber", e.currentTarget.value)}
                />
              )}
            </Field>
          )}
        </fieldset>
      </div>
      {sum.vendors.length > 0 && (
        <ul class="preview" aria-live="polite">
          {sum.vendors.map((v) => (
            <li>
              {v.vendor}: bills {formatMoney(v.bills)} − credits {formatMoney(v.credits)} = check{" "}
              {formatMoney(v.check)}
            </li>
          ))}
        </ul>
      )}
      <p>
        <ActionButton
          id="review"
          label="Review checks"
          busyLabel="Checking…"
          onAction={startReview}
        />
      </p>
      {review && (
        <Confirm
          checks={review}
          bankName={bankName}
          onSend={send}
          onCancel={() => setReview(null)}
        />
      )}

      <h2>Payment history</h2>
      <History
        payments={data.payments}
        bankName={bankName}
        timeZone={store.timeZone}
        onVoided={reload}
      />
    </>
  );
}

function BillRow(props: {
  bill: Bill;
  picked: string | undefined;
  problem: string | undefined;
  onToggle: () => void;
  onAmount: (value: string) => void;
}) {
  const { bill, picked } = props;
  const box = `bill-${bill.id}`;
  return (
    <tr data-id={bill.id}>
      <td data-label="Pay">
        <input
          type="checkbox"
          id={box}
          class="pick-bill"
          checked={picked !== undefined}
          disabled={!bill.payable}
          onChange={props.onToggle}
        />
      </td>
      <td data-label="Vendor">{bill.vendor_name}</td>
      <td data-label="Invoice">
        <label for={box}>{bill.invoice_number}</label>
      </td>
      <td data-label="Due">{formatDay(bill.due_date) || "—"}</td>
      <td data-label="Open" class="num">
        {formatMoney(bill.open_balance)}
      </td>
      <td data-label="Amount to pay" class="num">
        {picked !== undefined && (
          <AmountInput
            label={`Amount to pay on ${bill.invoice_number}`}
            value={picked}
            problem={props.problem}
            onInput={props.onAmount}
          />
        )}
      </td>
      <td data-label="QuickBooks">
        <Badge tone={bill.tone}>{bill.state}</Badge>
        {(bill.tone === "waiting" || bill.tone === "failed") && bill.detail && (
          <p class="small">
            {bill.detail} <a href={`#/entries/${bill.id}`}>See the entry</a>
          </p>
        )}
        {bill.quickbooks_note && <p class="small quickbooks-note">{bill.quickbooks_note}</p>}
        {bill.payable ? null : <p class="small">{bill.not_payable_because}</p>}
      </td>
    </tr>
  );
}

function AmountInput(props: {
  label: string;
  value: string;
  problem: string | undefined;
  onInput: (value: string) => void;
}) {
  return (
    <span class={props.problem ? "has-error" : ""}>
      <input
        class="amount"
        inputMode="decimal"
        aria-label={props.label}
        aria-invalid={!!props.problem}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      {props.problem && <span class="error">{props.problem}</span>}
    </span>
  );
}

function Confirm(props: {
  checks: Payables["schemas"]["PlannedCheck"][];
  bankName: (key: string) => string;
  onSend: () => Promise<void>;
  onCancel: () => void;
}) {
  const total = sumCents(props.checks.map((c) => c.amount));
  return (
    <div class="dialog-backdrop">
      <div
        class="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        id="confirm"
      >
        <h2 id="confirm-title">
          Write {props.checks.length} check{props.checks.length === 1 ? "" : "s"} for{" "}
          {formatMoney(total)}?
        </h2>
        <ul class="checks">
          {props.checks.map((c) => (
            <li>
              <strong>{c.vendor_name}</strong>: {formatMoney(c.amount)}{" "}
              {c.to_be_printed ? "(to be printed)" : `check no. ${c.check_number}`}, from{" "}
              {props.bankName(c.pay_from)}, dated {formatDay(c.payment_date)}; pays{" "}
              {c.bills.join(", ")}
              {c.credits_applied !== "0.00" && ` with ${formatMoney(c.credits_applied)} of credits`}
            </li>
          ))}
        </ul>
        <p class="muted">Nothing is sent until you press Send to QuickBooks.</p>
        <div class="actions">
          <ActionButton id="send" label="Send to QuickBooks" busyLabel="Sending…" onAction={props.onSend} />
          <button type="button" class="secondary" onClick={props.onCancel}>
            Go back
          </button>
        </div>
      </div>
    </div>
  );
}

function History(props: {
  payments: Payables["schemas"]["PaymentOut"][];
  bankName: (key: string) => string;
  timeZone: string;
  onVoided: () => void;
}) {
  if (!props.payments.length) return <p class="muted">No payments yet.</p>;
  return (
    <table class="stack" id="payments">
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Vendor</th>
          <th scope="col">Check</th>
          <th scope="col" class="num">
            Amount
          </th>
          <th scope="col">From</th>
          <th scope="col">Sent by</th>
          <th scope="col">QuickBooks</th>
        </tr>
      </thead>
      <tbody>
        {props.payments.map((p) => (
          <tr data-id={p.id}>
            <td data-label="Date">{formatDay(p.payment_date)}</td>
            <td data-label="Vendor">
              {p.vendor_name}
              <span class="small block">
                pays {p.applied.map((a) => a.invoice_number ?? "a bill").join(", ")}
              </span>
            </td>
            <td data-label="Check">{p.to_be_printed ? "to be printed" : (p.check_number ?? "—")}</td>
            <td data-label="Amount" class="num">
              {formatMoney(p.amount)}
            </td>
            <td data-label="From">{props.bankName(p.pay_from)}</td>
            <td data-label="Sent by">
              {p.made_by ?? "—"}
              <span class="small block">{formatInstant(p.recorded_at, props.timeZone)}</span>
            </td>
            <td data-label="QuickBooks">
              <Badge tone={p.tone}>{p.state}</Badge>
              {p.detail && <span class="small block">{p.detail}</span>}
              {(p.tone === "waiting" || p.tone === "failed") && (
                <a class="small block" href={`#/entries/${p.id}`}>
                  See the entry
                </a>
              )}
              {p.txn_id && <span class="small block">TxnID {p.txn_id}</span>}
              <VoidAction payment={p} onVoided={props.onVoided} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Void a check in QuickBooks: asked once, confirmed, then followed until QuickBooks says. */
function VoidAction(props: { payment: Payables["schemas"]["PaymentOut"]; onVoided: () => void }) {
  const p = props.payment;
  const flash = useFlash();
  const [asking, setAsking] = useState(false);
  if (p.void_state) {
    const tone =
      p.void_state === "synced"
        ? "neutral"
        : p.void_state === "failed"
          ? "failed"
          : p.void_state === "waiting"
            ? "waiting"
            : "pending";
    return (
      <span class="block void-state">
        <Badge tone={tone}>{p.void_state === "synced" ? "voided" : `void ${p.void_state}`}</Badge>
        {p.void_detail && <span class="small block">{p.void_detail}</span>}
        {(p.void_state === "failed" || p.void_state === "waiting") && p.void_entry_id && (
          <a class="small block" href={`#/entries/${p.void_entry_id}`}>
            See the entry (Retry is there)
          </a>
        )}
      </span>
    );
  }
  if (!p.voidable) return null;
  if (!asking) {
    return (
      <button type="button" class="secondary small" onClick={() => setAsking(true)}>
        Void
      </button>
    );
  }
  return (
    <span class="block" role="group" aria-label={`Void the check to ${p.vendor_name}`}>
      <span class="small block">
        Void this {formatMoney(p.amount)} check in QuickBooks? Its bills and credits will be open
        again.
      </span>
      <ActionButton
        class="danger small"
        label="Yes, void it"
        busyLabel="Voiding…"
        onAction={async () => {
          await call(payables.POST("/payments/{payment_id}/void", { params: { path: { payment_id: p.id } } }));
          setAsking(false);
          flash({
            text: `The check to ${p.vendor_name} is voided at the next Web Connector update.`,
            kind: "ok",
          });
          props.onVoided();
        }}
      />
      <button type="button" class="secondary small" onClick={() => setAsking(false)}>
        Keep it
      </button>
    </span>
  );
}
