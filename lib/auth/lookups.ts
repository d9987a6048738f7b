import { config } from "../config";
import type { Db } from "../db/client";
import type { AccessLookups } from "./access";
import { hasOperator } from "./first-operator";
import { resolveSession } from "./sessions";
import { authenticateApiToken } from "./tokens";

/** The proxy's view of the database. */
export function databaseLookups(getDb: () => Promise<Db>, metricsToken = config().HOOKRELAY_METRICS_TOKEN): AccessLookups {
  // Operators are never deleted, so once one exists the answer stays yes and the count
  // query leaves every later request.
  let operatorSeen = false;
  return {
    async session(token) {
      const session = await resolveSession(await getDb(), token);
      return session ? { kind: "operator", id: session.operatorId, name: session.email } : null;
    },
    async apiToken(token) {
      const identity = await authenticateApiToken(await getDb(), token);
      return identity ? { kind: "token", id: identity.id, name: identity.name } : null;
    },
    async hasOperator() {
      operatorSeen ||= await hasOperator(await getDb());
      return operatorSeen;
    },
    metricsToken: metricsToken || undefined,
  };
}
