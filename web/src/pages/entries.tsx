// QB Entries: everything sent to QuickBooks and what became of it, newest first; search by
// vendor, reference or amount; filters; CSV export; Retry for what failed; and each entry's
// detail (what it is, its history, the request sent and QuickBooks' answer).
import { useState } from "preact/hooks";
import { type Gateway, call, gateway } from "../api/client";
import {
  ActionButton,
  Badge,
  Field,
  type Flash,
  Loading,
  Problem,
  useFlash,
  useLoad,
} from "../components/ui";
import { currentSession } from "../lib/oidc";
import { formatMoney } from "../lib/money";
import { routeOf } from "../lib/route";
import { choicesOf } from "../lib/rules";
import { formatDay, formatInstant } from "../lib/time";
import { useStore } from "../store";

type EntryState = Gateway["schemas"]["EntryState"];
type EntryKind = Gateway["schemas"]["EntryKind"];
type Filters = { state: string; kind: string; from: string; to: string; q: string };

function queryOf(f: Filters) {
  return {
    ...(f.state ? { state: f.state as EntryState } : {}),
    ...(f.kind ? { kind: f.kind as EntryKind } : {}),
    ...(f.from ? { date_from: f.from } : {}),
    ...(f.to ? { date_to: f.to } : {}),
    ...(f.q.trim() ? { q: f.q.trim() } : {}),
  };
}

export function EntriesPage() {
  const route = routeOf(location.hash);
  const id = route.rest[0];
  if (id) return <EntryView id={id} />;
  return <EntryList initialState={route.query.get("state") ?? ""} />;
}

function EntryList({ initialState }: { initialState: string }) {
  const store = useStore();
  const flash = useFlash();
  const [filters, setFilters] = useState<Filters>({
    state: initialState,
    kind: "",
    from: "",
    to: "",
    q: "",
  });
  const [search, setSearch] = useState("");
  const connection = useLoad(() => call(gateway.GET("/connection")));
  const entries = useLoad(
    () => call(gateway.GET("/entries", { params: { query: { limit: 200, ...queryOf(filters) } } })),
    [filters],
  );
  const c = connection.data;
  if (connection.error) return <Problem error={connection.error} onRetry={connection.reload} />;
  if (!c) return <Loading what="the connection" />;
  if (!c.set_up) {
    return (
      <>
        <h1>QB Entries</h1>
        <div class="notice warn" id="not-set-up">
          <strong>QuickBooks is not set up yet.</strong> {c.message}
        </div>
      </>
    );
  }
  const failed = (entries.data ?? []).filter((e) => e.retryable).length;
  const set = (change: Partial<Filters>) => setFilters({ ...filters, ...change });
  return (
    <>
      <h1>QB Entries</h1>
      <p class="small" id="connection">
        Last Web Connector contact:{" "}
        {c.last_contact_at ? formatInstant(c.last_contact_at, store.timeZone) : "never"}.{" "}
        {c.entries_waiting} entr{c.entries_waiting === 1 ? "y" : "ies"} on the way.{" "}
        <a href="#/sync">Sync history</a>
      </p>
      <form class="filters" role="search" onSubmit={(e) => (e.preventDefault(), set({ q: search }))}>
        <Field label="Search" hint="Vendor, invoice or check number, or amount">
          {({ id, describedBy }) => (
            <input id={id} name="q" type="search" value={search} aria-describedby={describedBy}
              onInput={(e) => setSearch(e.currentTarget.value)} />
          )}
        </Field>
        <button type="submit" class="secondary" id="search">
          Search
        </button>
        <Field label="State">
          {({ id }) => (
            <select id={id} name="state" value={filters.state} onChange={(e) => set({ state: e.currentTarget.value })}>
              <option value="">All</option>
              {choicesOf("EntryState").map((s) => (
                <option value={s}>{s}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Kind">
          {({ id }) => (
            <select id={id} name="kind" value={filters.kind} onChange={(e) => set({ kind: e.currentTarget.value })}>
              <option value="">All</option>
              {choicesOf("EntryKind").map((k) => (
                <option value={k}>{k}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="From">
          {({ id }) => (
            <input id={id} name="date_from" type="date" value={filters.from} onChange={(e) => set({ from: e.currentTarget.value })} />
          )}
        </Field>
        <Field label="To">
          {({ id }) => (
            <input id={id} name="date_to" type="date" value={filters.to} onChange={(e) => set({ to: e.currentTarget.value })} />
          )}
        </Field>
      </form>
      <div class="actions">
        <ActionButton id="export" class="secondary" label="Export CSV" busyLabel="Exporting…"
          onAction={() => downloadCsv(filters)} />
        {failed > 0 && (
          <ActionButton id="retry-failed" class="secondary" label={`Retry all failed (${failed})`} busyLabel="Retrying…"
            onAction={async () => {
              const done = await call(gateway.POST("/entries/retry-failed"));
              entries.reload();
              flash({ text: `${done.retried} entr${done.retried === 1 ? "y goes" : "ies go"} again at the next Web Connector update.`, kind: "ok" });
            }} />
        )}
      </div>
      {entries.error ? (
        <Problem error={entries.error} onRetry={entries.reload} />
      ) : !entries.data ? (
        <Loading what="entries" />
      ) : !entries.data.length ? (
        <p class="muted" id="no-entries">
          {filters.q.trim() ? `Nothing matches “${filters.q.trim()}”.` : "No entries."}
        </p>
      ) : (
        <table class="stack" id="entries">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">What</th>
              <th scope="col" class="num">
                Amount
              </th>
              <th scope="col">State</th>
              <th scope="col">What to know</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.data.map((entry) => (
              <tr data-id={entry.id}>
                <td data-label="Date">{formatDay(entry.txn_date)}</td>
                <td data-label="What">
                  <a href={`#/entries/${entry.id}`}>{entry.description}</a>
                </td>
                <td data-label="Amount" class="num">
                  {entry.amount != null ? formatMoney(entry.amount) : "—"}
                </td>
                <td data-label="State">
                  <Badge tone={entry.tone}>{entry.state}</Badge>
                </td>
                <td data-label="What to know">
                  {entry.detail}
                  {entry.txn_id && <span class="small block">TxnID {entry.txn_id}</span>}
                  {entry.retried_by && entry.retried_at && (
                    <span class="small block">
                      Retried by {entry.retried_by}, {formatInstant(entry.retried_at, store.timeZone)}
                    </span>
                  )}
                </td>
                <td data-label="Actions">
                  {entry.retryable && (
                    <ActionButton class="secondary retry" label="Retry" busyLabel="Retrying…"
                      onAction={() => retry(entry.id, entries.reload, flash)} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** Send a failed entry again (from the list or its detail), then show what happens next. */
async function retry(id: string, reload: () => void, flash: (f: Flash) => void): Promise<void> {
  await call(gateway.POST("/entries/{entry_id}/retry", { params: { path: { entry_id: id } } }));
  reload();
  flash({ text: "The entry goes again at the next Web Connector update.", kind: "ok" });
}

/** The filtered entries as a CSV file, downloaded with the sign-in (a plain link has none). */
async function downloadCsv(filters: Filters): Promise<void> {
  const query = new URLSearchParams(queryOf(filters) as Record<string, string>).toString();
  const session = currentSession();
  const answer = await fetch(`/entries/export.csv${query ? `?${query}` : ""}`, {
    headers: session ? { Authorization: `Bearer ${session.accessToken}` } : {},
  });
  if (!answer.ok) throw new Error(`The export could not be made (${answer.status}); try again.`);
  const url = URL.createObjectURL(await answer.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = "quickbooks-entries.csv";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function EntryView({ id }: { id: string }) {
  const store = useStore();
  const flash = useFlash();
  const entry = useLoad(() => call(gateway.GET("/entries/{entry_id}", { params: { path: { entry_id: id } } })));
  if (entry.error) return <Problem error={entry.error} onRetry={entry.reload} />;
  const e = entry.data;
  if (!e) return <Loading what="the entry" />;
  return (
    <>
      <p>
        <a href="#/entries">← All entries</a>
      </p>
      <h1>{e.description}</h1>
      <div class="card" id="entry-detail">
        <p>
          <Badge tone={e.tone}>{e.state}</Badge> {e.detail}
        </p>
        {e.retryable && (
          <ActionButton id="retry" class="secondary" label="Retry" busyLabel="Retrying…"
            onAction={() => retry(e.id, entry.reload, flash)} />
        )}
        <dl class="facts">
          {e.party && (<><dt>{e.kind === "bill-payment" ? "Paid to" : "Vendor"}</dt><dd>{e.party}</dd></>)}
          {e.ref_number && (<><dt>Reference</dt><dd>{e.ref_number}</dd></>)}
          {e.amount != null && (<><dt>Amount</dt><dd>{formatMoney(e.amount)}</dd></>)}
          <dt>Date</dt>
          <dd>{formatDay(e.txn_date)}</dd>
          {e.origin && (<><dt>From</dt><dd>{e.origin}</dd></>)}
          {e.accounts.length > 0 && (<><dt>Accounts</dt><dd>{e.accounts.join(", ")}</dd></>)}
          <dt>In QuickBooks</dt>
          <dd id="txn-id">{e.txn_id ? `TxnID ${e.txn_id}` : "not yet"}</dd>
          {e.quickbooks_vendor?.list_id && (<><dt>QuickBooks vendor</dt><dd>{e.quickbooks_vendor.quickbooks_name} (ListID {e.quickbooks_vendor.list_id})</dd></>)}
        </dl>
      </div>
      <h2>History</h2>
      <ol id="entry-history">
        {e.history.map((step) => (
          <li>
            <span class="small">{formatInstant(step.at, store.timeZone)}</span>{" "}
            <Badge tone={step.tone}>{step.state}</Badge> {step.detail}
          </li>
        ))}
      </ol>
      <h2>Sent to QuickBooks</h2>
      {e.request_xml ? (
        <pre class="xml" id="request-xml" tabIndex={0} aria-label="The qbXML request sent">
          {e.request_xml}
        </pre>
      ) : (
        <p class="muted">Nothing sent yet.</p>
      )}
      <h2>QuickBooks' answer</h2>
      {e.response_xml ? (
        <pre class="xml" id="response-xml" tabIndex={0} aria-label="QuickBooks' answer">
          {e.response_xml}
        </pre>
      ) : (
        <p class="muted">No answer yet.</p>
      )}
    </>
  );
}
