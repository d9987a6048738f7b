import { DEFAULT_SOURCE_NAME } from "../db/bootstrap";
import type { Db, InboundSource } from "../db/client";
import { isRecordNotFound, isUniqueViolation } from "../db/errors";
import { AppError, notFound } from "../http/errors";
import { DEFAULT_HMAC_HEADER, DEFAULT_HMAC_PREFIX, type SigningScheme } from "./signature";
import { generateSecret } from "./source-secret";
import {
  invalidSource,
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

/** The signing columns for a source switching to `scheme`: a fresh secret (given or generated), no previous one. */
function signingColumns(scheme: SigningScheme, fields: { secret?: string; signatureHeader?: string | null; signaturePrefix?: string | null }) {
  if (scheme === "none") return { signingScheme: scheme, secret: null, previousSecret: null, previousSecretExpiresAt: null, signatureHeader: null, signaturePrefix: null };
  const hmac = scheme === "hmac_sha256";
  return {
    signingScheme: scheme,
    secret: fields.secret ?? generateSecret(scheme),
    previousSecret: null,
    previousSecretExpiresAt: null,
    signatureHeader: hmac ? (fields.signatureHeader ?? DEFAULT_HMAC_HEADER) : null,
    signaturePrefix: hmac ? (fields.signaturePrefix ?? DEFAULT_HMAC_PREFIX) : null,
  };
}

export async function listSources(store: SourceStore): Promise<SourceView[]> {
  const rows = await store.db.prisma.inboundSource.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const now = nowOf(store);
  return rows.map((r) => toSourceView(r, now));
}

export async function getSource(store: SourceStore, id: string): Promise<SourceView> {
  return toSourceView(await findRow(store, id), nowOf(store));
}

/** Creates a source; the secret (given or generated) is in this answer and never again. */
export async function createSource(store: SourceStore, input: CreateSourceInput): Promise<SourceWithSecret> {
  let row: InboundSource;
  try {
    row = await store.db.prisma.inboundSource.create({
      data: {
        name: input.name,
        description: input.description ?? null,
        idempotencyTtlSeconds: input.idempotencyTtlSeconds,
        rateLimitPerSecond: input.rateLimitPerSecond ?? null,
        ...signingColumns(input.signingScheme, input),
      },
    });
  } catch (err) {
    throw writeError(err, input.name);
  }
  // An earlier request for this name may have cached "no such source".
  store.cache.invalidate(row.name);
  return { ...toSourceView(row, nowOf(store)), secret: row.secret };
}

/**
 * Edits a source. Changing the signing scheme replaces the secret (given or generated) and
 * returns it once; the secret of an unchanged scheme is changed by rotation only.
 */
export async function updateSource(store: SourceStore, id: string, input: UpdateSourceInput): Promise<SourceView & { secret?: string | null }> {
  const row = await findRow(store, id);
  if (row.name === DEFAULT_SOURCE_NAME && input.name !== undefined && input.name !== row.name) {
    throw new AppError("conflict", "The default source cannot be renamed: POST /api/webhook posts to it");
  }
  const scheme = (input.signingScheme ?? row.signingScheme) as SigningScheme;
  const schemeChanged = scheme !== row.signingScheme;
  const issues = signingIssues(scheme, input);
  if (input.secret !== undefined && !schemeChanged) {
    issues.push({ path: "secret", message: "Change the secret with POST /api/sources/{id}/rotate-secret" });
  }
  if (issues.length) throw invalidSource(issues);

  let signing: Partial<ReturnType<typeof signingColumns>> = {};
  if (schemeChanged) signing = signingColumns(scheme, input);
  else if (scheme === "hmac_sha256") {
    // null puts the default back rather than leaving the source unverifiable.
    if (input.signatureHeader !== undefined) signing.signatureHeader = input.signatureHeader ?? DEFAULT_HMAC_HEADER;
    if (input.signaturePrefix !== undefined) signing.signaturePrefix = input.signaturePrefix ?? DEFAULT_HMAC_PREFIX;
  }

  let updated: InboundSource;
  try {
    updated = await store.db.prisma.inboundSource.update({
      where: { id },
      data: {
        name: input.name,
        description: input.description,
        idempotencyTtlSeconds: input.idempotencyTtlSeconds,
        rateLimitPerSecond: input.rateLimitPerSecond,
        ...signing,
      },
    });
  } catch (err) {
    throw writeError(err, input.name);
  }
  store.cache.invalidate(row.name);
  store.cache.invalidate(updated.name);
  const view = toSourceView(updated, nowOf(store));
  return schemeChanged ? { ...view, secret: updated.secret } : view;
}

/** Deletes a source and its inbound records; the default source stays (it backs POST /api/webhook). */
export async function deleteSource(store: SourceStore, id: string): Promise<void> {
  const row = await findRow(store, id);
  if (row.name === DEFAULT_SOURCE_NAME) throw new AppError("conflict", "The default source cannot be deleted: POST /api/webhook posts to it");
  const { count } = await store.db.prisma.inboundSource.deleteMany({ where: { id } });
  if (count === 0) throw notFound("Inbound source");
  store.cache.invalidate(row.name);
}

/**
 * Replaces the secret and keeps the old one valid for a while, so a provider can switch
 * over without failed deliveries. The new secret is in this answer and never again.
 */
export async function rotateSourceSecret(store: SourceStore, id: string, input: RotateSecretInput): Promise<SourceWithSecret> {
  const row = await findRow(store, id);
  const scheme = row.signingScheme as SigningScheme;
  if (scheme === "none") throw new AppError("conflict", "This source does not sign requests; choose a signing scheme first");
  const issues = signingIssues(scheme, { secret: input.secret });
  if (input.secret !== undefined && input.secret === row.secret) issues.push({ path: "secret", message: "The new secret is the current one" });
  if (issues.length) throw invalidSource(issues);

  const now = nowOf(store);
  const keepPrevious = input.previousSecretValidSeconds > 0 && row.secret !== null;
  let updated: InboundSource;
  try {
    updated = await store.db.prisma.inboundSource.update({
      where: { id },
      data: {
        secret: input.secret ?? generateSecret(scheme),
        previousSecret: keepPrevious ? row.secret : null,
        previousSecretExpiresAt: keepPrevious ? new Date(now + input.previousSecretValidSeconds * 1000) : null,
      },
    });
  } catch (err) {
    throw writeError(err);
  }
  store.cache.invalidate(row.name);
  return { ...toSourceView(updated, now), secret: updated.secret };
}
