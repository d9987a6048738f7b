// Any origin will do: only whether the parsed URL stays on it matters.
const BASE = "http://hookrelay.invalid";

/**
 * Where to go after signing in: a path on this site, or "/". The value is judged the way
 * the browser will read it: the URL parser drops tabs and line breaks and reads "\" as
 * "/", so `/\t/evil.example`, `/\n/evil.example` and `/\t\\evil.example` all become
 * `//evil.example`, another site. Only a value that the parser keeps on this origin is
 * accepted, and it is returned as the parser wrote it.
 */
export function safeNextPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
