import { ensureAppBuilt } from "./built-app";

/** Vitest global setup: integration tests talk to the built app, so it is built first when the sources changed. */
export default function setup(): void {
  ensureAppBuilt();
}
