import { ensureAppBuilt } from "./built-app";

/**
 * Builds the app once before any integration file starts, outside every hook's deadline:
 * on a bare machine the build takes minutes, and the first file to need it would otherwise
 * time out in its `beforeAll` while the others wait on the lock.
 */
export default async function setup(): Promise<void> {
  await ensureAppBuilt();
}
