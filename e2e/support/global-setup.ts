// Signs the e2e operator in once and saves the cookie, so every spec starts signed in
// (playwright.config.ts makes that storage state the default; auth.spec.ts opts out).
import { request, type FullConfig } from "@playwright/test";

/** The operator e2e/support/server.ts creates at start-up through HOOKRELAY_ADMIN_EMAIL/PASSWORD. */
export const E2E_OPERATOR = { email: "operator@hookrelay.test", password: "e2e operator password" };

export default async function globalSetup(config: FullConfig): Promise<void> {
  const { baseURL, storageState } = config.projects[0].use;
  if (!baseURL || typeof storageState !== "string") throw new Error("playwright.config.ts must set use.baseURL and use.storageState to a path");
  const api = await request.newContext({ baseURL });
  try {
    let res = await api.post("/api/auth/sign-in", { data: E2E_OPERATOR });
    // A server started without the environment bootstrap still gets its operator, through the setup page's API.
    if (res.status() === 401) res = await api.post("/api/auth/setup", { data: E2E_OPERATOR });
    if (!res.ok()) throw new Error(`signing in the e2e operator failed: ${res.status()} ${await res.text()}`);
    await api.storageState({ path: storageState });
  } finally {
    await api.dispose();
  }
}
