/**
 * Where to go after signing in. Only a path on this site: `//evil.example` and
 * `/\evil.example` are protocol-relative URLs to browsers and would turn sign-in into an
 * open redirect.
 */
export function safeNextPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
