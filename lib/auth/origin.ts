const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isMutation(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** The host the browser addressed: a reverse proxy's X-Forwarded-Host, else Host. */
function requestHost(headers: Headers, url: URL): string {
  return (headers.get("x-forwarded-host")?.split(",")[0] ?? headers.get("host") ?? url.host).trim().toLowerCase();
}

function hostOf(value: string): string | null {
  try {
    return new URL(value).host.toLowerCase();
  } catch {
    // Origin "null" (sandboxed frames, privacy redirects) lands here and is refused.
    return null;
  }
}

/**
 * Whether a state-changing request was sent by another site's page. Browsers label
 * every request with Sec-Fetch-Site (current ones) and every POST, PUT, PATCH and DELETE
 * with Origin (Referer in older ones); the first of these present decides. A request
 * with none of them did not come from a browser, so no other site can have forged it:
 * it is let through, as Go's net/http CrossOriginProtection does.
 */
export function isCrossSite(headers: Headers, url: URL): boolean {
  const fetchSite = headers.get("sec-fetch-site");
  // "none" is the user's own action: a bookmark or the address bar.
  if (fetchSite !== null) return fetchSite !== "same-origin" && fetchSite !== "none";
  const claimed = headers.get("origin") ?? headers.get("referer");
  if (claimed === null) return false;
  return hostOf(claimed) !== requestHost(headers, url);
}
