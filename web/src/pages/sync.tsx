// Sync history: the connection's health with its reason and fix, every Web Connector contact
// (newest first, a page at a time), where alert e-mails go, and the e-mails sent.
import { useState } from "preact/hooks";
import { type Gateway, call, gateway } from "../api/client";
import { Badge, Field, Loading, Problem, type ToneName, useFlash, useLoad } from "../components/ui";
import { ApiProblem, messageOf } from "../lib/errors";
import { formatInstant } from "../lib/time";
import { useStore } from "../store";

type Contact = Gateway["schemas"]["ContactOut"];
type HealthState = Gateway["schemas"]["HealthState"];
const PAGE = 20;

const HEALTH_TONE: Record<HealthState, ToneName> = {
  healthy: "synced",
  "needs attention": "failed",
  overdue: "waiting",
  "not set up": "neutral",
};

function toneOf(contact: Contact): ToneName {
  if (contact.problem) return "failed";
  if (contact.outcome === "updated") return "synced";
  if (contact.outcome === "in progress") return "pending";
  return "neutral";
}

export function SyncPage() {
  const store = useStore();
  const [offset, setOffset] = useState(0);
  const connection = useLoad(() => call(gateway.GET("/connection")));
  const history = useLoad(
    () => call(gateway.GET("/connection/history", { params: { query: { limit: PAGE, offset } } })),
    [offset],
  );
  const alerts = useLoad(() => call(gateway.GET("/connection/alerts")));
  const c = connection.data;
  if (connection.error) return <Problem error={connection.error} onRetry={connection.reload} />;
  if (!c) return <Loading what="the connection" />;
  if (!c.set_up) {
    return (
      <>
        <h1>Sync history</h1>
        <div class="notice warn" id="not-set-up">
          <strong>QuickBooks is not set up yet.</strong> {c.message}
        </div>
      </>
    );
  }
  const h = c.health;
  return (
    <>
      <h1>Sync history</h1>
      <section class="card" id="sync-health" aria-labelledby="health-title">
        <h2 id="health-title">
          QuickBooks: <Badge tone={HEALTH_TONE[h.state]}>{h.state}</Badge>
        </h2>
        <p>{h.reason}</p>
        {h.problems.length > 0 && (
          <ul>
            {h.problems.map((p) => (
              <li>
                <strong>{p.reason}</strong> {p.fix}{" "}
                {p.page !== "#/sync" && <a href={p.page}>Open</a>}
              </li>
            ))}
          </ul>
        )}
        <p class="small">
          Last Web Connector contact:{" "}
          {c.last_contact_at ? formatInstant(c.last_contact_at, store.timeZone) : "never"}.{" "}
          {c.entries_waiting} entr{c.entries_waiting === 1 ? "y" : "ies"} on the way.
        </p>
      </section>
      <ContactEmail current={c.contact_email ?? null} onSaved={connection.reload} />
      <h2>Web Connector updates</h2>
      {history.error ? (
        <Problem error={history.error} onRetry={history.reload} />
      ) : !history.data ? (
        <Loading what="the sync history" />
      ) : !history.data.contacts.length ? (
        <p class="muted">The Web Connector has not called yet.</p>
      ) : (
        <>
          <table class="stack" id="sync-history">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Outcome</th>
                <th scope="col">Sent</th>
                <th scope="col">Synced</th>
                <th scope="col">Failed</th>
                <th scope="col">What to know</th>
              </tr>
            </thead>
            <tbody>
              {history.data.contacts.map((contact) => (
                <tr data-outcome={contact.outcome}>
                  <td data-label="Started">{formatInstant(contact.started_at, store.timeZone)}</td>
                  <td data-label="Outcome">
                    <Badge tone={toneOf(contact)}>{contact.outcome}</Badge>
                  </td>
                  <td data-label="Sent" class="num">
                    {contact.entries_sent}
                  </td>
                  <td data-label="Synced" class="num">
                    {contact.synced}
                  </td>
                  <td data-label="Failed" class="num">
                    {contact.failed}
                  </td>
                  <td data-label="What to know">
                    {contact.reason && <span class="block">{contact.reason}</span>}
                    {contact.fix && <span class="small block">{contact.fix}</span>}
                    {contact.recovery && (
                      <span class="small block">A lost answer was checked first (recovery).</span>
                    )}
                    <span class="small block">
                      From {contact.source}
                      {contact.qbwc_user ? ` as ${contact.qbwc_user}` : ""}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav class="pager" aria-label="Sync history pages">
            <button type="button" class="secondary" disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              Newer
            </button>
            <span class="small">
              {offset + 1}–{offset + history.data.contacts.length} of {history.data.total}
            </span>
            <button type="button" class="secondary"
              disabled={offset + PAGE >= history.data.total}
              onClick={() => setOffset(offset + PAGE)}>
              Older
            </button>
          </nav>
        </>
      )}
      <h2>Alert e-mails</h2>
      {alerts.error ? (
        <Problem error={alerts.error} onRetry={alerts.reload} />
      ) : !alerts.data ? (
        <Loading what="the alert e-mails" />
      ) : !alerts.data.length ? (
        <p class="muted">No alert e-mail so far.</p>
      ) : (
        <ul id="alert-emails">
          {alerts.data.map((a) => (
            <li>
              <strong>{a.subject}</strong>{" "}
              <span class="small">
                to {a.to},{" "}
                {a.sent_at
                  ? `sent ${formatInstant(a.sent_at, store.timeZone)}`
                  : `waiting for the mail server${a.last_error ? ` (${a.last_error})` : ""}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ContactEmail({ current, onSaved }: { current: string | null; onSaved: () => void }) {
  const flash = useFlash();
  const [address, setAddress] = useState(current ?? "");
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await call(gateway.PUT("/connection/contact", { body: { contact_email: address.trim() || null } }));
      flash({
        text: address.trim() ? `Alerts go to ${address.trim()}.` : "No alert e-mails will be sent.",
        kind: "ok",
      });
      onSaved();
    } catch (problem) {
      if (problem instanceof ApiProblem && problem.status === 422)
        setError(problem.fields["contact_email"] ?? problem.message);
      else flash({ text: messageOf(problem), kind: "bad" });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card" id="contact-email" onSubmit={save} noValidate>
      <h2>Alert e-mails</h2>
      <Field label="Send alerts to" error={error}
        hint="When QuickBooks stops updating or entries fail, one short e-mail says what to do (grouped, never one per entry).">
        {({ id, describedBy, invalid }) => (
          <input id={id} name="contact_email" type="email" autocomplete="email" value={address}
            aria-describedby={describedBy} aria-invalid={invalid}
            onInput={(e) => setAddress(e.currentTarget.value)} />
        )}
      </Field>
      <button type="submit" disabled={busy} aria-busy={busy}>
        {busy ? "Saving…" : "Save"}
      </button>
    </form>
  );
}
