// QB Entries: everything sent to QuickBooks and what became of it; Retry for what failed.
import { useState } from "preact/hooks";
import { type Gateway, call, gateway } from "../api/client";
import { ActionButton, Badge, Field, Loading, Problem, useFlash, useLoad } from "../components/ui";
import { choicesOf } from "../lib/rules";
import { formatDay, formatInstant } from "../lib/time";
import { useStore } from "../store";

type EntryState = Gateway["schemas"]["EntryState"];
type EntryKind = Gateway["schemas"]["EntryKind"];

export function EntriesPage() {
  const store = useStore();
  const flash = useFlash();
  const [state, setState] = useState<string>("");
  const [kind, setKind] = useState<string>("");
  const connection = useLoad(() => call(gateway.GET("/connection")));
  const entries = useLoad(
    () =>
      call(
        gateway.GET("/entries", {
          params: {
            query: {
              limit: 200,
              ...(state ? { state: state as EntryState } : {}),
              ...(kind ? { kind: kind as EntryKind } : {}),
            },
          },
        }),
      ),
    [state, kind],
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
  return (
    <>
      <h1>QB Entries</h1>
      <div class={`notice${c.overdue || c.last_error ? " warn" : ""}`} id="connection">
        Web Connector: <strong>{c.status}</strong>; last contact{" "}
        {c.last_contact_at ? formatInstant(c.last_contact_at, store.timeZone) : "never"}.{" "}
        {c.entries_waiting} entr{c.entries_waiting === 1 ? "y" : "ies"} waiting.
        {c.last_error && <span class="block">{c.last_error}</span>}
      </div>
      <div class="filters">
        <Field label="State">
          {({ id }) => (
            <select id={id} name="state" value={state} onChange={(e) => setState(e.currentTarget.value)}>
              <option value="">All</option>
              {choicesOf("EntryState").map((s) => (
                <option value={s}>{s}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Kind">
          {({ id }) => (
            <select id={id} name="kind" value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
              <option value="">All</option>
              {choicesOf("EntryKind").map((k) => (
                <option value={k}>{k}</option>
              ))}
            </select>
          )}
        </Field>
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
        <p class="muted">No entries.</p>
      ) : (
        <table class="stack" id="entries">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">What</th>
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
                <td data-label="What">{entry.description}</td>
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
                      onAction={async () => {
                        await call(gateway.POST("/entries/{entry_id}/retry", { params: { path: { entry_id: entry.id } } }));
                        entries.reload();
                        flash({ text: "The entry goes again at the next Web Connector update.", kind: "ok" });
                      }} />
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
