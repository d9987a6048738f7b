/**
 * Signing in, out or setting up changes whose session every cached query belongs to: a full
 * page load starts the next page from scratch rather than from what the old session fetched.
 */
export function fullPageLoad(path: string): void {
  window.location.assign(path);
}
