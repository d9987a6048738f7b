// Runs once when the Next.js server starts, before it serves requests. Settings are
// checked and the background work starts here; the Node-only code is imported lazily so
// the edge bundle never sees it.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerRuntime } = await import("./lib/server/runtime");
  await startServerRuntime();
}
