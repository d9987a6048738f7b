// Runs once when the Next.js server starts. The database is migrated before the first
// request instead of on it; the Node-only code is imported lazily so the edge bundle
// never sees it.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerRuntime } = await import("./lib/server/runtime");
  await startServerRuntime();
}
