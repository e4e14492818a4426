// The app: sign-in, the store's header and menu, one page at a time (by the URL's #/page).
import { Fragment } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { call, gateway, reporting, whenSignedOut } from "./api/client";
import { FlashContext, type Flash, Problem } from "./components/ui";
import { messageOf } from "./lib/errors";
import { beginSignIn, completeSignIn, currentSession, type Session, signOut } from "./lib/oidc";
import { CoaPage } from "./pages/coa";
import { EntriesPage } from "./pages/entries";
import { SyncPage } from "./pages/sync";
import { OrdersPage } from "./pages/orders";
import { PayablesPage } from "./pages/payables";
import { SalesPage } from "./pages/sales";
import { type Store, StoreContext } from "./store";

const PAGES = {
  payables: { title: "Accounts Payable", render: () => <PayablesPage /> },
  orders: { title: "Orders", render: () => <OrdersPage /> },
  sales: { title: "Sales", render: () => <SalesPage /> },
  coa: { title: "Chart of Accounts", render: () => <CoaPage /> },
  entries: { title: "QB Entries", render: () => <EntriesPage /> },
  sync: { title: "Sync history", render: () => <SyncPage /> },
} as const;
type PageName = keyof typeof PAGES;

function pageOf(hash: string): PageName {
  const name = /^#\/([\w-]+)/.exec(hash)?.[1] ?? "payables";
  return (name in PAGES ? name : "payables") as PageName;
}

export function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [problem, setProblem] = useState<unknown>(null);
  useEffect(() => {
    whenSignedOut(() => setSession(null));
    completeSignIn().then(
      (made) => setSession(made ?? currentSession()),
      (error: unknown) => {
        setProblem(error);
        setSession(null);
      },
    );
  }, []);
  if (session === undefined) return <p class="muted center">Signing in…</p>;
  if (session === null) return <SignIn problem={problem} />;
  return <Signed session={session} />;
}

function SignIn({ problem }: { problem: unknown }) {
  const [error, setError] = useState<unknown>(problem);
  const signedOut = location.hash === "#/signed-out";
  return (
    <main class="signin" id="main">
      <h1>CobaltConnect</h1>
      <p>{signedOut ? "You are signed out." : "Sign in to your store's back office."}</p>
      {!!error && <Problem error={error} />}
      <button
        type="button"
        id="sign-in"
        onClick={() => beginSignIn().catch((e: unknown) => setError(e))}
      >
        Sign in
      </button>
    </main>
  );
}

function Signed({ session }: { session: Session }) {
  const [page, setPage] = useState<PageName>(pageOf(location.hash));
  const [hash, setHash] = useState(location.hash);
  const [flash, setFlash] = useState<Flash>(null);
  const [timeZone, setTimeZone] = useState<string | null>(null);
  const [zoneProblem, setZoneProblem] = useState<unknown>(null);
  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    const follow = () => {
      setPage(pageOf(location.hash));
      setHash(location.hash);
      setFlash(null);
      main.current?.focus();
    };
    addEventListener("hashchange", follow);
    return () => removeEventListener("hashchange", follow);
  }, []);
  const loadZone = () => {
    setZoneProblem(null);
    call(reporting.GET("/schedule")).then(
      (schedule) => setTimeZone(schedule.timezone),
      (error: unknown) => setZoneProblem(error),
    );
  };
  useEffect(loadZone, []);
  useEffect(() => {
    document.title = `${PAGES[page].title} · ${session.storeName || "CobaltConnect"}`;
  }, [page]);
  const store: Store = {
    name: session.storeName,
    person: session.name,
    timeZone: timeZone ?? "UTC",
    now: () => new Date(),
  };
  return (
    <StoreContext.Provider value={store}>
      <FlashContext.Provider value={setFlash}>
        <a class="skip" href="#main" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
          Skip to content
        </a>
        <div class="layout">
          <header class="top">
            <div class="brand">CobaltConnect</div>
            <div class="who">
              <span class="store" id="store-name">
                {session.storeName || "Your store"}
              </span>
              <span class="person">{session.name}</span>
              <button type="button" class="link" id="sign-out" onClick={() => void signOut()}>
                Sign out
              </button>
            </div>
          </header>
          <nav class="menu" aria-label="Main menu">
            <ul>
              {(["payables", "orders", "sales"] as const).map((name) => (
                <MenuLink name={name} current={page} />
              ))}
            </ul>
            <p class="menu-section" id="qb-section">
              QuickBooks
            </p>
            <ul aria-labelledby="qb-section">
              {(["coa", "entries", "sync"] as const).map((name) => (
                <MenuLink name={name} current={page} />
              ))}
            </ul>
          </nav>
          <main id="main" tabIndex={-1} ref={main}>
            <Health hash={hash} />
            <div id="flash" role="status" aria-live="polite">
              {flash && <div class={`notice ${flash.kind}`}>{flash.text}</div>}
            </div>
            {zoneProblem ? (
              <Problem error={zoneProblem} onRetry={loadZone} />
            ) : timeZone === null ? (
              <p class="muted">Loading the store's settings…</p>
            ) : (
              <Fragment key={hash}>{PAGES[page].render()}</Fragment>
            )}
          </main>
        </div>
      </FlashContext.Provider>
    </StoreContext.Provider>
  );
}

function MenuLink({ name, current }: { name: PageName; current: PageName }) {
  return (
    <li>
      <a href={`#/${name}`} aria-current={name === current ? "page" : undefined}>
        {PAGES[name].title}
      </a>
    </li>
  );
}

/** How soon the banner checks again: every minute (overdue comes by the clock), but within
 * seconds after a check that got no answer, so a dropped call does not hide the real state. */
const HEALTH_EVERY_MS = 60_000;
const HEALTH_RETRY_MS = 5_000;

/** A banner on every page when QuickBooks is not healthy: what is wrong, what fixes it, and
 * where; checked again on every page change, every minute, and soon after a failed check. */
function Health({ hash }: { hash: string }) {
  const [shown, setShown] = useState<{ text: string; fix?: string; page?: string } | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const again = (ms: number) => {
      if (!stopped) timer = setTimeout(() => void check(), ms);
    };
    const check = () =>
      call(gateway.GET("/connection")).then(
        (connection) => {
          const health = connection.health;
          if (!connection.set_up) setShown({ text: connection.message ?? health.reason });
          else if (health.state === "healthy") setShown(null);
          else
            setShown({
              text: `QuickBooks ${health.state}: ${health.reason}`,
              ...(health.fix ? { fix: health.fix } : {}),
              page: health.problems[0]?.page ?? "#/sync",
            });
          again(HEALTH_EVERY_MS);
        },
        (error: unknown) => {
          setShown({ text: messageOf(error) });
          again(HEALTH_RETRY_MS);
        },
      );
    void check();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [hash]);
  if (!shown) return null;
  return (
    <div class="notice warn" id="health" role="note">
      <strong>{shown.text}</strong>
      {shown.fix && <span class="block">{shown.fix}</span>}
      {shown.page && shown.page !== hash && (
        <a class="block" href={shown.page}>
          Show me
        </a>
      )}
    </div>
  );
}
