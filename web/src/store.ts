// Who is signed in and the store's clock: every date the app defaults or shows uses it.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { dateInZone } from "./lib/time";

export type Store = {
  name: string; // the store, from the sign-in
  person: string; // who is signed in
  timeZone: string; // from reporting's schedule
  now: () => Date;
};

export const StoreContext = createContext<Store>({
  name: "",
  person: "",
  timeZone: "UTC",
  now: () => new Date(),
});

export function useStore(): Store {
  return useContext(StoreContext);
}

/** Today's date in the store's time zone. */
export function today(store: Store): string {
  return dateInZone(store.now(), store.timeZone);
}
