import { recordAudit } from "./audit";
import type { Db } from "../db/client";
import { notFound } from "../errors/app-error";
import { randomToken, sha256Hex } from "./digest";

export const TOKEN_PREFIX = "hr_";
// Enough of the token to tell two apart in a list, far too little to guess the rest.
const DISPLAY_CHARS = TOKEN_PREFIX.length + 6;
const TOUCH_INTERVAL_MS = 60_000;

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const viewSelect = { id: true, name: true, prefix: true, createdBy: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

/** A new token: the record, and the only time the secret itself exists outside the caller's hands (it is stored as a digest). */
export type CreatedApiToken = ApiTokenView & { token: string };

/** The audit row is written in the same transaction as the token, by whoever `actor` names. */
export async function createApiToken(db: Db, input: { name: string; createdBy: string | null }, actor: string): Promise<CreatedApiToken> {
  const token = TOKEN_PREFIX + randomToken(32);
  const apiToken = await db.prisma.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { name: input.name, createdBy: input.createdBy, tokenHash: sha256Hex(token), prefix: token.slice(0, DISPLAY_CHARS) },
      select: viewSelect,
    });
    await recordAudit(tx, { actor, action: "token.create", targetType: "api_token", targetId: created.id, details: { name: created.name, prefix: created.prefix } });
    return created;
  });
  return { ...apiToken, token };
}

/** Active tokens first, newest first; revoked ones stay listed so their history is visible. */
export async function listApiTokens(db: Db): Promise<{ data: ApiTokenView[] }> {
  const rows = await db.prisma.apiToken.findMany({ select: viewSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return { data: [...rows.filter((t) => !t.revokedAt), ...rows.filter((t) => t.revokedAt)] };
}

/** Revoking twice keeps the first revocation time; each revocation is audited with the change. */
export async function revokeApiToken(db: Db, id: string, actor: string, now = new Date()): Promise<ApiTokenView> {
  return db.prisma.$transaction(async (tx) => {
    await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
    const token = await tx.apiToken.findUnique({ where: { id }, select: viewSelect });
    if (!token) throw notFound("API token");
    await recordAudit(tx, { actor, action: "token.revoke", targetType: "api_token", targetId: token.id, details: { name: token.name, prefix: token.prefix } });
    return token;
  });
}

export interface TokenIdentity {
  id: string;
  name: string;
}

/** The token's identity when it is known and not revoked; lastUsedAt is refreshed at most once a minute. */
export async function authenticateApiToken(db: Db, token: string, now = new Date()): Promise<TokenIdentity | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await db.prisma.apiToken.findUnique({ where: { tokenHash: sha256Hex(token) }, select: { id: true, name: true, revokedAt: true, lastUsedAt: true } });
  if (!row || row.revokedAt) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
    await db.prisma.apiToken.updateMany({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { id: row.id, name: row.name };
}
