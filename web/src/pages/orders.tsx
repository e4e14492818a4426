// Orders: record a vendor order (several lines, several credits), edit it, receive it
// (receiving sends its bill to QuickBooks); correct or cancel it after that (its bill follows
// in QuickBooks); each with who did it.
import { useState } from "preact/hooks";
import { type Orders, type Payables, call, newKey, orders, payables } from "../api/client";
import { ActionButton, Badge, Field, Loading, Problem, useFlash, useLoad } from "../components/ui";
import { fieldsOf } from "../lib/errors";
import { formatMoney, fromCents, toCents } from "../lib/money";
import { choicesOf, problemWith } from "../lib/rules";
import { formatDay, formatInstant } from "../lib/time";
import { today, useStore } from "../store";

type Order = Orders["schemas"]["OrderOut"];
type Bill = Payables["schemas"]["BillOut"];
type Line = { category: string; description: string; quantity: string; unit_cost: string };
type Credit = { reason: string; amount: string; category: string; memo: string };
type Draft = {
  id: string | null; // editing this order, or a new one
  correcting: boolean; // a received order: saving corrects its bill in QuickBooks
  vendor_name: string;
  invoice_number: string;
  order_date: string;
  due_date: string;
  received: boolean;
  received_on: string;
  lines: Line[];
  credits: Credit[];
};

const emptyLine = (): Line => ({ category: "", description: "", quantity: "1", unit_cost: "" });
const emptyCredit = (reason: string): Credit => ({ reason, amount: "", category: "", memo: "" });

function newDraft(day: string): Draft {
  return {
    id: null,
    correcting: false,
    vendor_name: "",
    invoice_number: "",
    order_date: day,
    due_date: "",
    received: true,
    received_on: day,
    lines: [emptyLine()],
    credits: [],
  };
}

function draftOf(order: Order, day: string): Draft {
  return {
    id: order.id,
    correcting: order.received,
    vendor_name: order.vendor_name,
    invoice_number: order.invoice_number,
    order_date: order.order_date,
    due_date: order.due_date ?? "",
    received: false,
    received_on: day,
    lines: order.lines.map((l) => ({
      category: l.category,
      description: l.description,
      quantity: String(l.quantity),
      unit_cost: l.unit_cost,
    })),
    credits: order.credits.map((c) => ({
      reason: c.reason,
      amount: c.amount,
      category: c.category ?? "",
      memo: c.memo ?? "",
    })),
  };
}

/** Problems the form can see before sending, keyed as the API names the fields. */
export function draftProblems(draft: Draft): Record<string, string> {
  const found: Record<string, string> = {};
  const need = (field: string, value: string, label: string) => {
    const problem = problemWith("OrderIn", field, value, label);
    if (problem) found[field] = problem;
    else if (!value.trim()) found[field] = `${label} is required.`;
  };
  need("vendor_name", draft.vendor_name, "Vendor");
  need("invoice_number", draft.invoice_number, "Invoice number");
  if (!draft.order_date) found["order_date"] = "Order date is required.";
  if (draft.due_date && draft.due_date < draft.order_date)
    found["due_date"] = "Due date is before the order date.";
  if (draft.received && draft.received_on < draft.order_date)
    found["received_on"] = "Received date is before the order date.";
  draft.lines.forEach((line, i) => {
    if (!line.category.trim()) found[`lines.${i}.category`] = "Category is required.";
    if (!/^\d+(\.\d+)?$/.test(line.quantity.trim()))
      found[`lines.${i}.quantity`] = "Quantity is a number.";
    if (toCents(line.unit_cost) === null) found[`lines.${i}.unit_cost`] = "Unit cost is an amount.";
  });
  draft.credits.forEach((credit, i) => {
    const cents = toCents(credit.amount);
    if (cents === null || cents <= 0) found[`credits.${i}.amount`] = "Credit amount is above zero.";
  });
  return found;
}

function bodyOf(draft: Draft): Orders["schemas"]["OrderIn"] {
  return {
    vendor_name: draft.vendor_name.trim(),
    invoice_number: draft.invoice_number.trim(),
    order_date: draft.order_date,
    due_date: draft.due_date || null,
    received_on: draft.received && !draft.correcting ? draft.received_on : null,
    lines: draft.lines.map((l) => ({
      category: l.category.trim(),
      description: l.description.trim(),
      quantity: l.quantity.trim(),
      unit_cost: fromCents(toCents(l.unit_cost) ?? 0),
    })),
    credits: draft.credits.map((c) => ({
      reason: c.reason as Orders["schemas"]["CreditIn"]["reason"],
      amount: fromCents(toCents(c.amount) ?? 0),
      category: c.category.trim() || null,
      memo: c.memo.trim() || null,
    })),
  };
}

export function OrdersPage() {
  const store = useStore();
  const list = useLoad(() => call(orders.GET("/orders", { params: { query: { limit: 50 } } })));
  // The bills of the received orders shown: a correction its bill refused says so here too.
  const received = (list.data ?? []).filter((o) => o.received).map((o) => o.id);
  const bills = useLoad(
    () =>
      received.length
        ? call(payables.GET("/bills", { params: { query: { order_id: received } } }))
        : Promise.resolve([] as Bill[]),
    [received.join(",")],
  );
  const [draft, setDraft] = useState<Draft>(newDraft(today(store)));
  return (
    <>
      <h1>Orders</h1>
      <OrderForm
        key={draft.id ?? "new"}
        initial={draft}
        onDone={() => {
          setDraft(newDraft(today(store)));
          list.reload();
        }}
      />
      <h2>Recent orders</h2>
      {list.error ? (
        <Problem error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading what="orders" />
      ) : (
        <OrderList
          orders={list.data}
          bills={new Map((bills.data ?? []).map((b) => [b.order_id, b]))}
          onEdit={(order) => {
            setDraft(draftOf(order, today(store)));
            document.getElementById("order-form")?.scrollIntoView();
          }}
          reload={() => {
            list.reload();
            bills.reload();
          }}
        />
      )}
    </>
  );
}

function OrderForm({ initial, onDone }: { initial: Draft; onDone: () => void }) {
  const flash = useFlash();
  const reasons = choicesOf("CreditIn", "reason");
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [key, setKey] = useState(newKey());
  const edit = (change: Partial<Draft>) => {
    setDraft({ ...draft, ...change });
    setKey(newKey());
  };
  const setLine = (i: number, change: Partial<Line>) =>
    edit({ lines: draft.lines.map((l, n) => (n === i ? { ...l, ...change } : l)) });
  const setCredit = (i: number, change: Partial<Credit>) =>
    edit({ credits: draft.credits.map((c, n) => (n === i ? { ...c, ...change } : c)) });
  const total = draft.lines.reduce((sum, l) => {
    const cost = toCents(l.unit_cost) ?? 0;
    const quantity = Number(l.quantity) || 0;
    return sum + Math.round(cost * quantity);
  }, 0);

  const save = async () => {
    const found = draftProblems(draft);
    setErrors(found);
    if (Object.keys(found).length) {
      flash({ text: "The order needs a change: see the marked fields.", kind: "bad" });
      return;
    }
    try {
      const body = bodyOf(draft);
      const saved = draft.id
        ? await call(orders.PUT("/orders/{order_id}", { params: { path: { order_id: draft.id } }, body }))
        : await call(orders.POST("/orders", { body, params: { header: { "Idempotency-Key": key } } }));
      flash({
        text: draft.correcting
          ? `Order ${saved.invoice_number} corrected (${formatMoney(saved.total)}); its bill follows in QuickBooks at the next update.`
          : `Order ${saved.invoice_number} ${draft.id ? "saved" : "recorded"} (${formatMoney(saved.total)})${
              saved.received ? "; its bill is in Accounts Payable" : ""
            }.`,
        kind: "ok",
      });
      onDone();
    } catch (error) {
      setErrors(fieldsOf(error));
      throw error;
    }
  };

  const input = (
    field: keyof Draft,
    label: string,
    type: "text" | "date" = "text",
    hint?: string,
  ) => (
    <Field label={label} error={errors[field]} {...(hint ? { hint } : {})}>
      {({ id, describedBy, invalid }) => {
        const common = {
          id,
          name: field,
          value: draft[field] as string,
          "aria-describedby": describedBy,
          "aria-invalid": invalid,
          onInput: (e: { currentTarget: HTMLInputElement }) =>
            edit({ [field]: e.currentTarget.value } as Partial<Draft>),
        };
        return type === "date" ? <input type="date" {...common} /> : <input type="text" {...common} />;
      }}
    </Field>
  );

  return (
    <form
      id="order-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        document.getElementById("save-order")?.click();
      }}
    >
      <h2>
        {draft.correcting
          ? `Correct order ${initial.invoice_number}`
          : draft.id
            ? `Edit order ${initial.invoice_number}`
            : "New order"}
      </h2>
      {draft.correcting && (
        <p class="small" id="correcting-note">
          This order was received: saving corrects its bill (and credit) in QuickBooks at the next
          update. Its vendor stays {initial.vendor_name}; a bill cannot be cut below what was paid.
        </p>
      )}
      <div class="grid">
        {draft.correcting ? (
          <Field label="Vendor">
            {({ id }) => <input id={id} name="vendor_name" value={draft.vendor_name} readOnly />}
          </Field>
        ) : (
          input("vendor_name", "Vendor")
        )}
        {input("invoice_number", "Invoice number")}
        {input("order_date", "Order date", "date")}
        {input("due_date", "Due date", "date")}
      </div>
      <fieldset>
        <legend>Lines</legend>
        {draft.lines.map((line, i) => (
          <div class="line grid" data-line={i}>
            <Field label={`Line ${i + 1} category`} error={errors[`lines.${i}.category`]}>
              {({ id, describedBy, invalid }) => (
                <input id={id} name="category" value={line.category} aria-describedby={describedBy}
                  aria-invalid={invalid} onInput={(e) => setLine(i, { category: e.currentTarget.value })} />
              )}
            </Field>
            <Field label="Description">
              {({ id }) => (
                <input id={id} name="description" value={line.description}
                  onInput={(e) => setLine(i, { description: e.currentTarget.value })} />
              )}
            </Field>
            <Field label="Quantity" error={errors[`lines.${i}.quantity`]}>
              {({ id, describedBy, invalid }) => (
                <input id={id} name="quantity" inputMode="decimal" class="amount" value={line.quantity}
                  aria-describedby={describedBy} aria-invalid={invalid}
                  onInput={(e) => setLine(i, { quantity: e.currentTarget.value })} />
              )}
            </Field>
            <Field label="Unit cost" error={errors[`lines.${i}.unit_cost`]}>
              {({ id, describedBy, invalid }) => (
                <input id={id} name="unit_cost" inputMode="decimal" class="amount" value={line.unit_cost}
                  aria-describedby={describedBy} aria-invalid={invalid}
                  onInput={(e) => setLine(i, { unit_cost: e.currentTarget.value })} />
              )}
            </Field>
            {draft.lines.length > 1 && (
              <button type="button" class="link" onClick={() => edit({ lines: draft.lines.filter((_, n) => n !== i) })}>
                Remove line {i + 1}
              </button>
            )}
          </div>
        ))}
        <button type="button" class="secondary" id="add-line" onClick={() => edit({ lines: [...draft.lines, emptyLine()] })}>
          Add a line
        </button>
        <p class="muted">Total {formatMoney(total)}</p>
      </fieldset>
      <fieldset>
        <legend>Credits from the vendor</legend>
        {!draft.credits.length && <p class="muted">None.</p>}
        {draft.credits.map((credit, i) => (
          <div class="credit grid" data-credit={i}>
            <Field label={`Credit ${i + 1} reason`}>
              {({ id }) => (
                <select id={id} name="credit_reason" value={credit.reason}
                  onChange={(e) => setCredit(i, { reason: e.currentTarget.value })}>
                  {reasons.map((r) => (
                    <option value={r}>{r}</option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Amount" error={errors[`credits.${i}.amount`]}>
              {({ id, describedBy, invalid }) => (
                <input id={id} name="credit_amount" inputMode="decimal" class="amount" value={credit.amount}
                  aria-describedby={describedBy} aria-invalid={invalid}
                  onInput={(e) => setCredit(i, { amount: e.currentTarget.value })} />
              )}
            </Field>
            <Field label="Category (optional)">
              {({ id }) => (
                <input id={id} name="credit_category" value={credit.category}
                  onInput={(e) => setCredit(i, { category: e.currentTarget.value })} />
              )}
            </Field>
            <button type="button" class="link" onClick={() => edit({ credits: draft.credits.filter((_, n) => n !== i) })}>
              Remove credit {i + 1}
            </button>
          </div>
        ))}
        <button type="button" class="secondary" id="add-credit"
          onClick={() => edit({ credits: [...draft.credits, emptyCredit(reasons[0] ?? "")] })}>
          Add a credit
        </button>
      </fieldset>
      {!draft.correcting && (
        <div class="grid">
          <label class="inline">
            <input type="checkbox" name="received" checked={draft.received}
              onChange={(e) => edit({ received: e.currentTarget.checked })} />{" "}
            Received (its bill goes to Accounts Payable and QuickBooks; a correction after that
            changes the bill)
          </label>
          {draft.received && input("received_on", "Received on", "date")}
        </div>
      )}
      <p class="actions">
        <ActionButton id="save-order"
          label={draft.correcting ? "Save correction" : draft.id ? "Save order" : draft.received ? "Record and receive" : "Record"}
          busyLabel="Saving…" onAction={save} />
        {draft.id && (
          <button type="button" class="secondary" onClick={onDone}>
            Cancel editing
          </button>
        )}
      </p>
    </form>
  );
}

function OrderList(props: {
  orders: Order[];
  bills: Map<string, Bill>;
  onEdit: (order: Order) => void;
  reload: () => void;
}) {
  const store = useStore();
  const flash = useFlash();
  const [open, setOpen] = useState<string | null>(null);
  if (!props.orders.length) return <p class="muted">No orders yet.</p>;
  return (
    <table class="stack" id="orders">
      <thead>
        <tr>
          <th scope="col">Vendor</th>
          <th scope="col">Invoice</th>
          <th scope="col">Ordered</th>
          <th scope="col">Received</th>
          <th scope="col" class="num">Total</th>
          <th scope="col" class="num">Credits</th>
          <th scope="col">Entered by</th>
        </tr>
      </thead>
      <tbody>
        {props.orders.map((order) => (
          <>
            <tr data-id={order.id}>
              <td data-label="Vendor">{order.vendor_name}</td>
              <td data-label="Invoice">{order.invoice_number}</td>
              <td data-label="Ordered">{formatDay(order.order_date)}</td>
              <td data-label="Received">
                {order.cancelled_on ? (
                  <span class="cancelled">
                    {order.received_on ? `${formatDay(order.received_on)}; ` : ""}cancelled{" "}
                    {formatDay(order.cancelled_on)}
                    {order.received_on && (
                      <CancelAction order={order} again onCancelled={props.reload} />
                    )}
                  </span>
                ) : order.received_on ? (
                  <span class="row-actions">
                    {formatDay(order.received_on)}
                    <BillNote bill={props.bills.get(order.id)} />
                    <button type="button" class="secondary edit" onClick={() => props.onEdit(order)}>
                      Correct
                    </button>
                    <CancelAction order={order} onCancelled={props.reload} />
                  </span>
                ) : (
                  <span class="row-actions">
                    <ActionButton class="secondary receive" label="Receive today" busyLabel="Receiving…"
                      onAction={async () => {
                        const received = await call(
                          orders.POST("/orders/{order_id}/receive", {
                            params: { path: { order_id: order.id } },
                            body: { received_on: today(store) },
                          }),
                        );
                        props.reload();
                        flash({ text: `Order ${received.invoice_number} received; its bill is in Accounts Payable.`, kind: "ok" });
                      }} />
                    {order.editable && (
                      <button type="button" class="secondary edit" onClick={() => props.onEdit(order)}>
                        Edit
                      </button>
                    )}
                    <CancelAction order={order} onCancelled={props.reload} />
                  </span>
                )}
              </td>
              <td data-label="Total" class="num">{formatMoney(order.total)}</td>
              <td data-label="Credits" class="num">{formatMoney(order.credit_total)}</td>
              <td data-label="Entered by">
                {order.recorded_by ?? "—"}{" "}
                <button type="button" class="link history-toggle" aria-expanded={open === order.id}
                  onClick={() => setOpen(open === order.id ? null : order.id)}>
                  History
                </button>
              </td>
            </tr>
            {open === order.id && (
              <tr class="history-row">
                <td colSpan={7}>
                  <OrderHistory id={order.id} timeZone={store.timeZone} />
                </td>
              </tr>
            )}
          </>
        ))}
      </tbody>
    </table>
  );
}

/** Where the order's bill stands, and a correction it refused (with the fix). */
function BillNote({ bill }: { bill: Bill | undefined }) {
  if (!bill) return null;
  return (
    <span class="block small bill-note">
      <Badge tone={bill.tone}>bill {bill.state}</Badge>
      {bill.correction_problem && (
        <span class="block error correction-problem">
          Not applied to its bill: {bill.correction_problem}.
        </span>
      )}
    </span>
  );
}

/** Cancel an order, confirmed first: a received one's bill and credit are voided in
 *  QuickBooks. Pressed again on a cancelled order, it sends the cancellation to its bill again
 *  (once a payment that blocked it is voided). */
function CancelAction(props: { order: Order; again?: boolean; onCancelled: () => void }) {
  const store = useStore();
  const flash = useFlash();
  const [asking, setAsking] = useState(false);
  const o = props.order;
  if (!asking) {
    return (
      <button type="button" class="secondary small cancel-order" onClick={() => setAsking(true)}>
        {props.again ? "Cancel again" : "Cancel order"}
      </button>
    );
  }
  return (
    <span class="block" role="group" aria-label={`Cancel order ${o.invoice_number}`}>
      <span class="small block">
        Cancel order {o.invoice_number} ({formatMoney(o.total)})?
        {o.received ? " Its bill and credit are voided in QuickBooks." : ""}
      </span>
      <ActionButton
        class="danger small"
        label="Yes, cancel it"
        busyLabel="Cancelling…"
        onAction={async () => {
          await call(
            orders.POST("/orders/{order_id}/cancel", {
              params: { path: { order_id: o.id } },
              body: { cancelled_on: today(store) },
            }),
          );
          setAsking(false);
          flash({
            text: o.received
              ? `Order ${o.invoice_number} cancelled; its bill is voided in QuickBooks at the next update (see Accounts Payable).`
              : `Order ${o.invoice_number} cancelled.`,
            kind: "ok",
          });
          props.onCancelled();
        }}
      />
      <button type="button" class="secondary small" onClick={() => setAsking(false)}>
        Keep it
      </button>
    </span>
  );
}

function OrderHistory({ id, timeZone }: { id: string; timeZone: string }) {
  const detail = useLoad(() => call(orders.GET("/orders/{order_id}", { params: { path: { order_id: id } } })), [id]);
  if (detail.error) return <Problem error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Loading what="history" />;
  return (
    <ul class="history">
      {detail.data.history.map((change) => (
        <li>
          {formatInstant(change.at, timeZone)}: {change.action} by {change.by ?? "someone"} ({change.summary})
        </li>
      ))}
    </ul>
  );
}
