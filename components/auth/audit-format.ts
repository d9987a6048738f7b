// Audit actions are `<target>.<verb>`; the log reads better as "Revoked API token".
const VERBS: Record<string, string> = {
  create: "Created",
  update: "Updated",
  delete: "Deleted",
  revoke: "Revoked",
  reprocess: "Reprocessed",
  discard: "Discarded",
  replay: "Replayed",
  enable: "Enabled",
  disable: "Disabled",
  rotate_secret: "Rotated the secret of",
  cleanup: "Ran",
};

const STANDALONE: Record<string, string> = {
  "operator.sign_in": "Signed in",
  "operator.sign_out": "Signed out",
  "operator.locked": "Locked after repeated failed sign-ins",
};

const NOUNS: Record<string, string> = { api_token: "API token", token: "API token", retention: "retention cleanup" };

function noun(target: string): string {
  return NOUNS[target] ?? target.replace(/_/g, " ");
}

export function describeAction(action: string): string {
  if (STANDALONE[action]) return STANDALONE[action];
  const dot = action.indexOf(".");
  if (dot === -1) return action;
  const [target, verb] = [action.slice(0, dot), action.slice(dot + 1)];
  return VERBS[verb] ? `${VERBS[verb]} ${noun(target)}` : `${noun(target)}: ${verb.replace(/_/g, " ")}`;
}

export type ActorKind = "operator" | "token" | "system";

/** `operator:alice@example.com` → { kind: "operator", name: "alice@example.com" }. */
export function splitActor(actor: string): { kind: ActorKind; name: string } {
  const colon = actor.indexOf(":");
  const kind = actor.slice(0, colon);
  if (colon > 0 && (kind === "operator" || kind === "token")) return { kind, name: actor.slice(colon + 1) };
  return { kind: "system", name: actor };
}

/** The scalar details as "name: ci · prefix: hr_abc", nested values left to the API. */
export function summariseDetails(details: unknown): string | null {
  if (details === null || typeof details !== "object") return null;
  const entries = Object.entries(details as Record<string, unknown>).filter(([, v]) => v !== null && typeof v !== "object");
  return entries.length ? entries.map(([k, v]) => `${k}: ${String(v)}`).join(" · ") : null;
}
