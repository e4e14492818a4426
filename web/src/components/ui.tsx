// Small pieces every page uses: loading and error states that can be retried, state badges in
// honest tones, labelled fields that show their error beside them, one announcement area.
import type { ComponentChildren } from "preact";
import { createContext } from "preact";
import { useCallback, useContext, useEffect, useRef, useState } from "preact/hooks";
import { messageOf } from "../lib/errors";

export type Loaded<T> = {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
};

/** Load once (and again on `reload` or when `deps` change); stale answers are dropped. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({
    loading: true,
  });
  const [round, setRound] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    const mine = ++latest.current;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load().then(
      (data) => mine === latest.current && setState({ data, loading: false }),
      (error: unknown) => mine === latest.current && setState((s) => ({ ...s, error, loading: false })),
    );
  }, [...deps, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

export function Loading({ what }: { what: string }) {
  return (
    <p class="muted" role="status">
      Loading {what}…
    </p>
  );
}

/** An error in the merchant's words, with a way to try again. */
export function Problem({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div class="notice bad" role="alert">
      <p>{messageOf(error)}</p>
      {onRetry && (
        <button type="button" class="secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export type ToneName = "pending" | "waiting" | "failed" | "synced" | "neutral";

/** A state in its tone: pending, waiting, failed and synced never look alike. */
export function Badge({ tone, children }: { tone: ToneName; children: ComponentChildren }) {
  return <span class={`badge tone-${tone}`}>{children}</span>;
}

let fieldCount = 0;

/** A labelled input; `error` is shown beside it and announced with it. */
export function Field(props: {
  label: string;
  error?: string | undefined;
  hint?: string;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ComponentChildren;
}) {
  const id = useRef(`f${++fieldCount}`).current;
  const describedBy =
    [props.error ? `${id}-error` : "", props.hint ? `${id}-hint` : ""].filter(Boolean).join(" ") ||
    undefined;
  return (
    <div class={`field${props.error ? " has-error" : ""}`}>
      <label for={id}>{props.label}</label>
      {props.children({ id, describedBy, invalid: !!props.error })}
      {props.hint && (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
      {props.error && (
        <span class="error" id={`${id}-error`}>
          {props.error}
        </span>
      )}
    </div>
  );
}

export type Flash = { text: string; kind: "ok" | "bad" } | null;
export const FlashContext = createContext<(flash: Flash) => void>(() => {});

export function useFlash(): (flash: Flash) => void {
  return useContext(FlashContext);
}

/** A button that runs one action at a time and says so while it runs. */
export function ActionButton(props: {
  label: string;
  busyLabel: string;
  onAction: () => Promise<void>;
  class?: string;
  disabled?: boolean;
  id?: string;
}) {
  const [busy, setBusy] = useState(false);
  const flash = useFlash();
  return (
    <button
      type="button"
      id={props.id}
      class={props.class}
      disabled={busy || props.disabled}
      aria-busy={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await props.onAction();
        } catch (error) {
          flash({ text: messageOf(error), kind: "bad" });
        } finally {
          setBusy(false);
        }
      }}
    >
      {busy ? props.busyLabel : props.label}
    </button>
  );
}
