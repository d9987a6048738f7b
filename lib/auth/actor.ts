import { AppError } from "../errors/app-error";

/**
 * Who is making a request, as established by proxy.ts and handed to route handlers in a
 * request header. The proxy deletes any such header a client sends, so handlers can
 * trust it.
 */
export const ACTOR_HEADER = "x-hookrelay-actor";

export type Actor =
  | { kind: "operator"; id: string; name: string }
  | { kind: "token"; id: string; name: string }
  | { kind: "metrics" };

// Header values must be ASCII: names are percent-encoded (an e-mail may not be).
export function encodeActor(actor: Actor): string {
  return actor.kind === "metrics" ? "metrics" : `${actor.kind}:${actor.id}:${encodeURIComponent(actor.name)}`;
}

export function parseActor(value: string | null): Actor | null {
  if (value === "metrics") return { kind: "metrics" };
  const match = value?.match(/^(operator|token):([^:]+):(.+)$/);
  if (!match) return null;
  let name: string;
  try {
    name = decodeURIComponent(match[3]);
  } catch {
    return null;
  }
  return { kind: match[1] as "operator" | "token", id: match[2], name };
}

/** A readable label for logs and the audit trail: `operator:alice@example.com`, `token:ci-deploy`. */
export function actorLabel(actor: Actor | null): string {
  if (!actor) return "anonymous";
  return actor.kind === "metrics" ? "metrics" : `${actor.kind}:${actor.name}`;
}

export function actorFrom(req: Request): string {
  return actorLabel(parseActor(req.headers.get(ACTOR_HEADER)));
}

/** For what only a person may do (minting API tokens): a program's token must not mint more tokens. */
export function requireOperator(req: Request): { id: string; email: string } {
  const actor = parseActor(req.headers.get(ACTOR_HEADER));
  if (actor?.kind !== "operator") throw new AppError("forbidden", "Only a signed-in operator can do this");
  return { id: actor.id, email: actor.name };
}
