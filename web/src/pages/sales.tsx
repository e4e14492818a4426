// Sales: by category per business day, tenders, and each day's QuickBooks entries.
import { useState } from "preact/hooks";
import { call, reporting } from "../api/client";
import { Badge, Field, Loading, Problem, useLoad } from "../components/ui";
import { formatMoney, sumCents } from "../lib/money";
import { addDays, formatDay, formatInstant } from "../lib/time";
import { today, useStore } from "../store";

export function SalesPage() {
  const store = useStore();
  const [range, setRange] = useState(() => ({ from: addDays(today(store), -6), to: today(store) }));
  const [draft, setDraft] = useState(range);
  const data = useLoad(
    () =>
      Promise.all([
        call(reporting.GET("/reports/sales-by-category", { params: { query: range } })),
        call(reporting.GET("/days", { params: { query: range } })),
        call(reporting.GET("/reports/card-clearing", { params: { query: range } })),
      ]),
    [range.from, range.to],
  );
  // The report answers JSON rows (or CSV when asked for format=csv, which this page never does).
  const report = data.data?.[0];
  const rows = Array.isArray(report) ? report : [];
  const days = data.data?.[1] ?? [];
  const clearing = data.data?.[2] ?? [];
  const byCategory = new Map<string, string[]>();
  for (const row of rows) {
    for (const line of row.sales_by_category) {
      byCategory.set(line.category, [...(byCategory.get(line.category) ?? []), line.amount]);
    }
  }
  const tenders = new Map<string, string[]>();
  for (const row of rows) {
    for (const [name, amount] of Object.entries(row.tenders)) {
      tenders.set(name, [...(tenders.get(name) ?? []), amount]);
    }
  }
  const taxes = new Map<string, string[]>();
  for (const row of rows) {
    for (const tax of row.taxes ?? []) {
      taxes.set(tax.name, [...(taxes.get(tax.name) ?? []), tax.amount]);
    }
  }
  // What the day's journal entry posts besides the categories, summed over the days shown.
  const summary: [string, number][] = [
    ["Discounts", sumCents(rows.map((r) => r.discounts ?? "0.00"))],
    ["Refunds", sumCents(rows.map((r) => r.refunded ?? "0.00"))],
    ["Net sales", sumCents(rows.map((r) => r.net_sales))],
    ...[...taxes.entries()].map(([name, amounts]): [string, number] => [`Tax: ${name}`, sumCents(amounts)]),
    ["Tips", sumCents(rows.map((r) => r.tips ?? "0.00"))],
    ["Gift cards sold", sumCents(rows.map((r) => r.gift_cards_sold ?? "0.00"))],
    ["Gift cards redeemed", sumCents(rows.map((r) => r.gift_cards_redeemed ?? "0.00"))],
    ["Rounding", sumCents(rows.map((r) => r.rounding ?? "0.00"))],
  ];
  const totals = [...byCategory.entries()].map(([category, amounts]) => ({
    category,
    cents: sumCents(amounts),
  }));
  const largest = Math.max(1, ...totals.map((t) => t.cents));
  return (
    <>
      <h1>Sales</h1>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setRange(draft);
        }}
      >
        <Field label="From">
          {({ id }) => (
            <input id={id} type="date" name="from" value={draft.from}
              onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
          )}
        </Field>
        <Field label="To">
          {({ id }) => (
            <input id={id} type="date" name="to" value={draft.to}
              onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
          )}
        </Field>
        <button type="submit" class="secondary">
          Show
        </button>
      </form>
      {data.error ? (
        <Problem error={data.error} onRetry={data.reload} />
      ) : !data.data ? (
        <Loading what="sales" />
      ) : (
        <>
          <h2>Sales by category (before discounts)</h2>
          {!totals.length ? (
            <p class="muted">No sales in these days.</p>
          ) : (
            <ul class="bars" aria-label="Sales by category">
              {totals.map((t) => (
                <li>
                  <span class="bar-label">{t.category}</span>
                  <span class="bar" style={{ width: `${(70 * t.cents) / largest}%` }} />
                  <span class="bar-value">{formatMoney(t.cents)}</span>
                </li>
              ))}
            </ul>
          )}
          <h2>Daily summary</h2>
          <table class="stack" id="summary">
            <tbody>
              {summary.map(([label, cents]) => (
                <tr>
                  <th scope="row">{label}</th>
                  <td class="num">{formatMoney(cents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>Tenders</h2>
          <table class="stack" id="tenders">
            <tbody>
              {[...tenders.entries()].map(([name, amounts]) => (
                <tr>
                  <th scope="row">{name}</th>
                  <td class="num">{formatMoney(sumCents(amounts))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>Card Clearing</h2>
          {!clearing.length ? (
            <p class="muted">No card sales or settlements in these days.</p>
          ) : (
            <table class="stack" id="card-clearing">
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col" class="num">Card sales</th>
                  <th scope="col" class="num">Settled</th>
                  <th scope="col" class="num">Fees</th>
                  <th scope="col" class="num">Chargebacks</th>
                  <th scope="col" class="num">Deposited</th>
                  <th scope="col" class="num">Still in clearing</th>
                </tr>
              </thead>
              <tbody>
                {clearing.map((c) => (
                  <tr>
                    <td data-label="Day">{formatDay(c.day)}</td>
                    <td data-label="Card sales" class="num">{formatMoney(c.card_sales)}</td>
                    <td data-label="Settled" class="num">{formatMoney(c.settled)}</td>
                    <td data-label="Fees" class="num">{formatMoney(c.fees)}</td>
                    <td data-label="Chargebacks" class="num">{formatMoney(c.chargebacks)}</td>
                    <td data-label="Deposited" class="num">{formatMoney(c.deposited)}</td>
                    <td data-label="Still in clearing" class="num">{formatMoney(c.in_clearing)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>Days</h2>
          <table class="stack" id="days">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Close</th>
                <th scope="col">QuickBooks entries</th>
              </tr>
            </thead>
            <tbody>
              {days.map((day) => (
                <tr>
                  <td data-label="Day">{formatDay(day.day)}</td>
                  <td data-label="Close">
                    {day.status === "closed"
                      ? "closed"
                      : `open (closes ${formatInstant(day.closes_at, store.timeZone)})`}
                    {day.figures && (day.adjustments ?? []).length > 0 && (
                      <span class="block muted">
                        net sales {formatMoney(day.figures.net_sales)} at its close
                        {(day.adjustments ?? []).map((a) => (
                          <>, late sales {formatMoney(a.figures.net_sales)} (posted {formatDay(a.closed_with)})</>
                        ))}
                        {day.total && <>: {formatMoney(day.total.net_sales)} in all</>}
                      </span>
                    )}
                  </td>
                  <td data-label="QuickBooks entries">
                    {day.status === "closed" && <TieOut day={day.day} />}
                    {day.entries.length === 0 && <span class="muted">none yet</span>}
                    {day.entries.map((e) => (
                      <span class="block">
                        {e.description}: <Badge tone={e.tone}>{e.state}</Badge>
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

/** A closed day's tie-out, on request: a red line wherever a figure does not tie, and why. */
function TieOut(props: { day: string }) {
  const [shown, setShown] = useState(false);
  const data = useLoad(
    () =>
      shown
        ? call(reporting.GET("/days/{day}/tie-out", { params: { path: { day: props.day } } }))
        : Promise.resolve(null),
    [shown, props.day],
  );
  if (!shown) {
    return (
      <button type="button" class="secondary small" onClick={() => setShown(true)}>
        Tie-out
      </button>
    );
  }
  if (data.error) return <Problem error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading what="the tie-out" />;
  const tie = data.data;
  return (
    <table class="stack tie-out" aria-label={`Tie-out of ${formatDay(props.day)}`}>
      <caption>{tie.ties ? "Every line ties." : "Some lines do not tie:"}</caption>
      <tbody>
        {tie.lines.map((line) => (
          <tr class={line.ties ? undefined : "tone-failed"}>
            <th scope="row">{line.label}</th>
            <td class="num">{formatMoney(line.pos)}</td>
            <td class="num">{formatMoney(line.books)}</td>
            <td>{line.ties ? "ties" : line.why}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
