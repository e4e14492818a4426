// Where the app is: the page, what follows it (an entry's id) and the filters in the URL's
// hash, e.g. "#/entries/3f…" or "#/entries?state=failed" (e-mails link to such places).
export type Route = { page: string; rest: string[]; query: URLSearchParams };

export function routeOf(hash: string): Route {
  const text = hash.replace(/^#\/?/, "");
  const [path = "", search = ""] = text.split("?", 2);
  const [page = "", ...rest] = path.split("/").filter(Boolean);
  return { page, rest, query: new URLSearchParams(search) };
}
