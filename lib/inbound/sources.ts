import { recordAudit } from "../auth/audit";
import { DEFAULT_SOURCE_NAME } from "../db/bootstrap";
import type { Db, InboundSource } from "../db/client";
import { isRecordNotFound, isUniqueViolation } from "../db/errors";
import { AppError, invalidRequest, notFound } from "../errors/app-error";
import { DEFAULT_CUSTOM_HEADER, DEFAULT_CUSTOM_PREFIX, PRESET_INFO, providerIdOf } from "./providers/catalog";
import type { ProviderId } from "./providers/types";
import { refusedLastDayBySource } from "./refusal-store";
import { generateSecret } from "./source-secret";
import {
  signingIssues,
  toSourceView,
  type CreateSourceInput,
  type RotateSecretInput,
  type SourceView,
  type SourceWithSecret,
  type UpdateSourceInput,
} from "./source-schema";
import type { SourceCache } from "./source-cache";

/** What the source services need: the database and the receive path's cache to invalidate after an edit. */
export interface SourceStore {
  db: Db;
  cache: Pick<SourceCache, "invalidate">;
  now?: () => number;
}

const nowOf = (store: SourceStore) => (store.now ?? Date.now)();

async function findRow(store: SourceStore, id: string): Promise<InboundSource> {
  const row = await store.db.prisma.inboundSource.findUnique({ where: { id } });
  if (!row) throw notFound("Inbound source");
  return row;
}

/** Maps the write races worth a clear answer: a name taken meanwhile, a source deleted meanwhile. */
function writeError(err: unknown, name?: string): unknown {
  if (isUniqueViolation(err) && name) return new AppError("conflict", `A source named "${name}" already exists`);
  if (isRecordNotFound(err)) return notFound("Inbound source");
  return err;
}

interface SigningInput {
  secret?: string;
  signatureHeader?: string | null;
  signaturePrefix?: string | null;
  signatureEncoding?: string | null;
}

/**
 * The signing columns for a source switching to `provider`: a fresh secret (given, or
 * generated where Hookrelay may choose it; a provider-made one is set later), no previous one.
 */
function signingColumns(provider: ProviderId, fields: SigningInput) {
  const info = PRESET_INFO[provider];
  const custom = provider === "custom";
  return {
    provider,
    secret: info.secretOrigin === "none" ? null : (fields.secret ?? (info.secretOrigin === "generated" ? generateSecret(info.secretFormat) : null)),
    previousSecret: null,
    previousSecretExpiresAt: null,
    signatureHeader: custom ? (fields.signatureHeader ?? DEFAULT_CUSTOM_HEADER) : null,
    signaturePrefix: custom ? (fields.signaturePrefix ?? DEFAULT_CUSTOM_PREFIX) : null,
    signatureEncoding: custom ? (fields.signatureEncoding ?? null) : null,
  };
}

/** The preset of a stored source; a value this version does not know cannot be edited safely. */
function storedProvider(row: InboundSource): ProviderId {
  const id = providerIdOf(row.provider);
  if (!id) throw new AppError("conflict", `This source uses the preset "${row.provider}", which this version of Hookrelay does not know`);
  return id;
}

async function viewOf(store: SourceStore, row: InboundSource): Promise<SourceView> {
  const now = nowOf(store);
  const refused = await refusedLastDayBySource(store.db, now);
  return toSourceView(row, now, refused.get(row.id) ?? 0);
}

export async function listSources(store: SourceStore): Promise<{ data: SourceView[] }> {
  const rows = await store.db.prisma.inboundSource.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const now = nowOf(store);
  const refused = await refusedLastDayBySource(store.db, now);
  return { data: rows.map((r) => toSourceView(r, now, refused.get(r.id) ?? 0)) };
}

export async function getSource(store: SourceStore, id: string): Promise<SourceView> {
  return viewOf(store, await findRow(store, id));
}

/** Creates a source; the secret (given or generated) is in this answer and never again. */
export async function createSource(store: SourceStore, input: CreateSourceInput, actor: string): Promise<SourceWithSecret> {
  let row: InboundSource;
  try {
    row = await store.db.prisma.$transaction(async (tx) => {
      const created = await tx.inboundSource.create({
        data: {
          name: input.name,
          description: input.description ?? null,
          idempotencyTtlSeconds: input.idempotencyTtlSeconds,
          rateLimitPerSecond: input.rateLimitPerSecond ?? null,
          ...signingColumns(input.provider, input),
        },
      });
      await recordAudit(tx, { actor, action: "source.create", targetType: "source", targetId: created.id, details: { name: created.name, provider: input.provider } });
      return created;
    });
  } catch (err) {
    throw writeError(err, input.name);
  }
  // An earlier request for this name may have cached "no such source".
  store.cache.invalidate();
  return { ...toSourceView(row, nowOf(store)), secret: row.secret };
}

/**
 * Edits a source. Changing the preset replaces the secret (given or generated) and returns
 * it once; the secret of an unchanged preset is changed by rotation only.
 */
export async function updateSource(store: SourceStore, id: string, input: UpdateSourceInput, actor: string): Promise<SourceView & { secret?: string | null }> {
  const row = await findRow(store, id);
  if (row.name === DEFAULT_SOURCE_NAME && input.name !== undefined && input.name !== row.name) {
    throw new AppError("conflict", "The default source cannot be renamed: POST /api/webhook posts to it");
  }
  const current = storedProvider(row);
  const provider = input.provider ?? current;
  const providerChanged = provider !== current;
  const issues = signingIssues(provider, input);
  if (input.secret !== undefined && !providerChanged) {
    issues.push({ path: "secret", message: "Change the secret with POST /api/sources/{id}/rotate-secret" });
  }
  if (issues.length) throw invalidRequest(issues);

  let signing: Partial<ReturnType<typeof signingColumns>> = {};
  if (providerChanged) signing = signingColumns(provider, input);
  else if (provider === "custom") {
    // null puts the default back rather than leaving the source unverifiable.
    if (input.signatureHeader !== undefined) signing.signatureHeader = input.signatureHeader ?? DEFAULT_CUSTOM_HEADER;
    if (input.signaturePrefix !== undefined) signing.signaturePrefix = input.signaturePrefix ?? DEFAULT_CUSTOM_PREFIX;
    if (input.signatureEncoding !== undefined) signing.signatureEncoding = input.signatureEncoding;
  }

  let updated: InboundSource;
  try {
    updated = await store.db.prisma.$transaction(async (tx) => {
      const changed = await tx.inboundSource.update({
        where: { id },
        data: {
          name: input.name,
          description: input.description,
          idempotencyTtlSeconds: input.idempotencyTtlSeconds,
          rateLimitPerSecond: input.rateLimitPerSecond,
          ...signing,
        },
      });
      // What changed, never the secret.
      const { secret: _secret, ...details } = input;
      await recordAudit(tx, { actor, action: "source.update", targetType: "source", targetId: id, details });
      return changed;
    });
  } catch (err) {
    throw writeError(err, input.name);
  }
  store.cache.invalidate();
  const view = await viewOf(store, updated);
  return providerChanged ? { ...view, secret: updated.secret } : view;
}

/** Deletes a source and its inbound records; the default source stays (it backs POST /api/webhook). */
export async function deleteSource(store: SourceStore, id: string, actor: string): Promise<void> {
  const row = await findRow(store, id);
  if (row.name === DEFAULT_SOURCE_NAME) throw new AppError("conflict", "The default source cannot be deleted: POST /api/webhook posts to it");
  await store.db.prisma.$transaction(async (tx) => {
    const { count } = await tx.inboundSource.deleteMany({ where: { id } });
    if (count === 0) throw notFound("Inbound source");
    await recordAudit(tx, { actor, action: "source.delete", targetType: "source", targetId: id });
  });
  store.cache.invalidate();
}

/**
 * Replaces the secret and keeps the old one valid for a while, so a provider can switch
 * over without failed deliveries (Stripe's "roll secret" signs with both meanwhile). Also
 * how a provider-made secret is first set. The new secret is in this answer and never again.
 */
export async function rotateSourceSecret(store: SourceStore, id: string, input: RotateSecretInput, actor: string): Promise<SourceWithSecret> {
  const row = await findRow(store, id);
  const provider = storedProvider(row);
  const info = PRESET_INFO[provider];
  if (info.secretOrigin === "none") throw new AppError("conflict", "This source does not check signatures; choose a signing preset first");
  const issues = signingIssues(provider, { secret: input.secret });
  if (input.secret === undefined && info.secretOrigin === "provider") {
    issues.push({ path: "secret", message: `${info.label} makes this secret: paste the one it shows` });
  }
  if (input.secret !== undefined && input.secret === row.secret) issues.push({ path: "secret", message: "The new secret is the current one" });
  if (issues.length) throw invalidRequest(issues);

  const now = nowOf(store);
  const keepPrevious = input.previousSecretValidSeconds > 0 && row.secret !== null;
  let updated: InboundSource;
  try {
    updated = await store.db.prisma.$transaction(async (tx) => {
      const rotated = await tx.inboundSource.update({
        where: { id },
        data: {
          secret: input.secret ?? generateSecret(info.secretFormat),
          previousSecret: keepPrevious ? row.secret : null,
          previousSecretExpiresAt: keepPrevious ? new Date(now + input.previousSecretValidSeconds * 1000) : null,
        },
      });
      await recordAudit(tx, { actor, action: "source.rotate_secret", targetType: "source", targetId: id });
      return rotated;
    });
  } catch (err) {
    throw writeError(err);
  }
  store.cache.invalidate();
  return { ...(await viewOf(store, updated)), secret: updated.secret };
}
