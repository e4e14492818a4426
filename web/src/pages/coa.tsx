// Chart of Accounts: the CobaltConnect accounts on the left, each mapped to a QuickBooks
// account; suggested matches confirmed in bulk; who mapped what.
import { useState } from "preact/hooks";
import { type Coa, type Gateway, call, coa, gateway, isProblem } from "../api/client";
import { ActionButton, Badge, Field, Loading, Problem, useFlash, useLoad } from "../components/ui";
import { fieldsOf } from "../lib/errors";
import { formatInstant } from "../lib/time";
import { useStore } from "../store";

type Account = Coa["schemas"]["AccountOut"];
type Data = {
  accounts: Account[];
  chart: Coa["schemas"]["QbChartOut"];
  suggestions: Coa["schemas"]["SuggestionOut"][];
  waiting: Gateway["schemas"]["EntryOut"][];
};

async function load(): Promise<Data | { notSetUp: string }> {
  try {
    const [accounts, chart, suggestions, waiting] = await Promise.all([
      call(coa.GET("/coa/accounts")),
      call(coa.GET("/coa/quickbooks-accounts")),
      call(coa.GET("/coa/suggestions")),
      call(
        gateway.GET("/entries", {
          params: { query: { state: "waiting for mapping", limit: 500 } },
        }),
      ),
    ]);
    return { accounts, chart, suggestions, waiting };
  } catch (error) {
    if (isProblem(error, "not_set_up")) return { notSetUp: (error as Error).message };
    throw error;
  }
}

export function CoaPage() {
  const loaded = useLoad(load);
  const data = loaded.data;
  return (
    <>
      <h1>Chart of Accounts</h1>
      {loaded.error ? (
        <Problem error={loaded.error} onRetry={loaded.reload} />
      ) : !data ? (
        <Loading what="accounts" />
      ) : "notSetUp" in data ? (
        <div class="notice warn" id="not-set-up">
          <strong>QuickBooks is not set up yet.</strong> {data.notSetUp}
        </div>
      ) : (
        <Mapping data={data} reload={loaded.reload} />
      )}
    </>
  );
}

function Mapping({ data, reload }: { data: Data; reload: () => void }) {
  const store = useStore();
  const flash = useFlash();
  const unmapped = data.accounts.filter((a) => a.tone !== "synced");
  const [selectedKey, setSelectedKey] = useState<string | null>(
    unmapped[0]?.key ?? data.accounts[0]?.key ?? null,
  );
  const selected = data.accounts.find((a) => a.key === selectedKey) ?? null;
  const waits = (key: string) => data.waiting.filter((e) => e.accounts.includes(key)).length;

  return (
    <>
      <p class="muted">
        Accounts are managed in QuickBooks. Choose the QuickBooks account each CobaltConnect
        account posts to.{" "}
        {unmapped.length > 0 && (
          <strong>
            {unmapped.length} account{unmapped.length === 1 ? " needs" : "s need"} a QuickBooks
            account.
          </strong>
        )}
      </p>
      {data.suggestions.length > 0 && (
        <Suggestions suggestions={data.suggestions} reload={reload} />
      )}
      <div class="split">
        <div class="accounts" role="group" aria-label="CobaltConnect accounts">
          {data.accounts.map((account) => {
            const n = waits(account.key);
            return (
              <button
                type="button"
                class={`account${account.tone === "synced" ? "" : " needs-mapping"}`}
                data-key={account.key}
                aria-pressed={account.key === selectedKey}
                onClick={() => setSelectedKey(account.key)}
              >
                <strong>{account.name}</strong>
                <span class="small block">
                  {account.mapping ? `→ ${account.mapping.qb_full_name}` : "not mapped"}
                </span>
                {account.tone !== "synced" && <Badge tone={account.tone}>{account.state}</Badge>}
                {n > 0 && account.tone !== "synced" && (
                  <span class="small block">
                    {n} entr{n === 1 ? "y waits" : "ies wait"} on it
                  </span>
                )}
              </button>
            );
          })}
        </div>
        <div class="detail">
          {selected && (
            <AccountDetail
              account={selected}
              chart={data.chart}
              reload={reload}
              timeZone={store.timeZone}
            />
          )}
          <h2>QuickBooks accounts</h2>
          <p class="muted">
            {data.chart.refreshed_at
              ? `Read ${formatInstant(data.chart.refreshed_at, store.timeZone)}.`
              : "Not read yet: they are read at the next Web Connector update."}{" "}
            {data.chart.refresh_pending && "A new read waits for the next Web Connector update."}
          </p>
          <ActionButton
            class="secondary"
            id="refresh"
            label="Read the QuickBooks accounts again"
            busyLabel="Asking…"
            onAction={async () => {
              const answer = await call(coa.POST("/coa/quickbooks-accounts/refresh"));
              reload();
              flash({ text: answer.message, kind: "ok" });
            }}
          />
        </div>
      </div>
    </>
  );
}

function Suggestions(props: { suggestions: Coa["schemas"]["SuggestionOut"][]; reload: () => void }) {
  const flash = useFlash();
  const [chosen, setChosen] = useState<Set<string>>(new Set(props.suggestions.map((s) => s.key)));
  const [problems, setProblems] = useState<Record<string, string>>({});
  return (
    <section class="suggestions" aria-labelledby="suggestions-title" id="suggestions">
      <h2 id="suggestions-title">Suggested matches</h2>
      <p class="muted">Found by name and by the kind of account each one needs. Confirm the ones that are right.</p>
      <ul>
        {props.suggestions.map((s, index) => (
          <li>
            <label class="inline">
              <input
                type="checkbox"
                name="suggestion"
                value={s.key}
                checked={chosen.has(s.key)}
                onChange={() => {
                  const next = new Set(chosen);
                  if (next.has(s.key)) next.delete(s.key);
                  else next.add(s.key);
                  setChosen(next);
                }}
              />{" "}
              <strong>{s.name}</strong> → {s.qb_full_name}{" "}
              <span class="small">({s.reason})</span>
            </label>
            {problems[`mappings.${index}`] && <span class="error block">{problems[`mappings.${index}`]}</span>}
          </li>
        ))}
      </ul>
      <ActionButton
        id="map-suggested"
        label={`Map ${chosen.size} account${chosen.size === 1 ? "" : "s"}`}
        busyLabel="Mapping…"
        disabled={!chosen.size}
        onAction={async () => {
          const picked = props.suggestions.filter((s) => chosen.has(s.key));
          try {
            const mapped = await call(
              coa.POST("/coa/mappings", {
                body: { mappings: picked.map((s) => ({ key: s.key, qb_list_id: s.qb_list_id })) },
              }),
            );
            props.reload();
            flash({
              text: `${mapped.length} account${mapped.length === 1 ? " is" : "s are"} mapped; entries waiting for them go to QuickBooks at the next update.`,
              kind: "ok",
            });
          } catch (error) {
            // A problem names its line as mappings.<index> of what was sent.
            const byLine: Record<string, string> = {};
            for (const [field, text] of Object.entries(fieldsOf(error))) {
              const line = /^mappings\.(\d+)$/.exec(field);
              const suggestion = line ? picked[Number(line[1])] : undefined;
              if (suggestion) byLine[`mappings.${props.suggestions.indexOf(suggestion)}`] = text;
            }
            setProblems(byLine);
            throw error;
          }
        }}
      />
    </section>
  );
}

function AccountDetail(props: {
  account: Account;
  chart: Coa["schemas"]["QbChartOut"];
  reload: () => void;
  timeZone: string;
}) {
  const { account } = props;
  const flash = useFlash();
  const fits = props.chart.accounts.filter(
    (q) => account.allowed_types.includes(q.account_type) && q.is_active,
  );
  const [choice, setChoice] = useState(account.mapping?.qb_list_id ?? "");
  const [error, setError] = useState<string | undefined>();
  const history = useLoad(
    () => call(coa.GET("/coa/mapping-history", { params: { query: { key: account.key, limit: 20 } } })),
    [account.key],
  );
  return (
    <section aria-labelledby="account-title">
      <h2 id="account-title">{account.name}</h2>
      {account.problem && <div class="notice bad">{account.problem}</div>}
      <p class="muted">
        Needs a QuickBooks account of type {account.allowed_type_names.join(" or ")}.
        {account.mapped_by && account.mapped_at && (
          <>
            {" "}
            {account.mapping ? "Mapped" : "Changed"} by {account.mapped_by},{" "}
            {formatInstant(account.mapped_at, props.timeZone)}.
          </>
        )}
      </p>
      <Field label="QuickBooks account" error={error}>
        {({ id, describedBy, invalid }) => (
          <select
            id={id}
            name="qb_account"
            value={choice}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(e) => {
              setChoice(e.currentTarget.value);
              setError(undefined);
            }}
          >
            <option value="">Choose…</option>
            {fits.map((q) => (
              <option value={q.list_id}>
                {q.full_name}
                {q.number ? ` (${q.number})` : ""}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div class="actions">
        <ActionButton
          id="map"
          label="Map"
          busyLabel="Mapping…"
          onAction={async () => {
            if (!choice) {
              setError("Choose a QuickBooks account first.");
              return;
            }
            try {
              await call(
                coa.PUT("/coa/accounts/{key}/mapping", {
                  params: { path: { key: account.key } },
                  body: { qb_list_id: choice },
                }),
              );
            } catch (e) {
              setError(fieldsOf(e)["qb_list_id"]);
              throw e;
            }
            props.reload();
            flash({ text: `${account.name} is mapped.`, kind: "ok" });
          }}
        />
        {account.mapping && (
          <ActionButton
            class="secondary"
            id="unmap"
            label="Remove mapping"
            busyLabel="Removing…"
            onAction={async () => {
              await call(
                coa.DELETE("/coa/accounts/{key}/mapping", { params: { path: { key: account.key } } }),
              );
              props.reload();
              flash({ text: `${account.name} is no longer mapped.`, kind: "ok" });
            }}
          />
        )}
      </div>
      {!fits.length && (
        <div class="notice">No QuickBooks account of that type yet: add one in QuickBooks, then read the accounts again.</div>
      )}
      {history.data && history.data.length > 0 && (
        <>
          <h3>History</h3>
          <ul class="history">
            {history.data.map((change) => (
              <li>
                {formatInstant(change.at, props.timeZone)}: {change.by ?? "someone"}{" "}
                {change.qb_full_name ? `mapped it to ${change.qb_full_name}` : "removed the mapping"}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
