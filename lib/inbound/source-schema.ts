import { z } from "zod";
import { DEFAULT_SOURCE_NAME } from "../db/bootstrap";
import type { InboundSource } from "../db/client";
import { AppError } from "../http/errors";
import { secretHint, secretSchemaFor } from "./source-secret";
import { sourceNameSchema } from "./source-name";
import { signingSchemeSchema, type SigningScheme } from "./signature";

export const MIN_TTL_SECONDS = 60;
export const MAX_TTL_SECONDS = 30 * 24 * 3600;
export const DEFAULT_TTL_SECONDS = 24 * 3600;
export const DEFAULT_PREVIOUS_SECRET_VALID_SECONDS = 24 * 3600;

const description = z.string().trim().max(500, "At most 500 characters");
const ttlSeconds = z.number().int().min(MIN_TTL_SECONDS, "At least 60 seconds").max(MAX_TTL_SECONDS, "At most 30 days");
const rateLimitPerSecond = z.number().int().min(1).max(100_000);
const signatureHeader = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,99}$/, "A header name of letters, digits and '-'");
const signaturePrefix = z.string().max(32, "At most 32 characters");

interface SigningFields {
  secret?: string | null;
  signatureHeader?: string | null;
  signaturePrefix?: string | null;
}

export interface Issue {
  path: string;
  message: string;
}

/** Which signing fields make sense depends on the scheme; create and update share these rules. */
export function signingIssues(scheme: SigningScheme, fields: SigningFields): Issue[] {
  const issues: Issue[] = [];
  if (scheme !== "hmac_sha256") {
    for (const field of ["signatureHeader", "signaturePrefix"] as const) {
      if (fields[field] !== undefined && fields[field] !== null) issues.push({ path: field, message: `Only an hmac_sha256 source takes a ${field}` });
    }
  }
  if (typeof fields.secret === "string") {
    if (scheme === "none") issues.push({ path: "secret", message: "A source that does not sign requests takes no secret" });
    else for (const i of secretSchemaFor(scheme).safeParse(fields.secret).error?.issues ?? []) issues.push({ path: "secret", message: i.message });
  }
  return issues;
}

export function invalidSource(issues: Issue[]): AppError {
  return new AppError("validation_failed", "The request is not valid", { details: issues });
}

export const createSourceSchema = z
  .strictObject({
    name: sourceNameSchema,
    description: description.nullish(),
    signingScheme: signingSchemeSchema.default("none"),
    /** Absent: one is generated for a signing scheme and returned once. */
    secret: z.string().optional(),
    signatureHeader: signatureHeader.optional(),
    signaturePrefix: signaturePrefix.optional(),
    idempotencyTtlSeconds: ttlSeconds.default(DEFAULT_TTL_SECONDS),
    rateLimitPerSecond: rateLimitPerSecond.nullish(),
  })
  .superRefine((v, ctx) => {
    for (const issue of signingIssues(v.signingScheme, v)) ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
  });
export type CreateSourceInput = z.output<typeof createSourceSchema>;

/** Every field optional; null clears the nullable ones. A secret is only taken with a change of scheme (rotation has its own route). */
export const updateSourceSchema = z.strictObject({
  name: sourceNameSchema.optional(),
  description: description.nullable().optional(),
  signingScheme: signingSchemeSchema.optional(),
  secret: z.string().optional(),
  signatureHeader: signatureHeader.nullable().optional(),
  signaturePrefix: signaturePrefix.nullable().optional(),
  idempotencyTtlSeconds: ttlSeconds.optional(),
  rateLimitPerSecond: rateLimitPerSecond.nullable().optional(),
});
export type UpdateSourceInput = z.output<typeof updateSourceSchema>;

export const rotateSecretSchema = z.strictObject({
  /** Absent: a new one is generated. */
  secret: z.string().optional(),
  /** How long requests signed with the old secret are still accepted; 0 ends it at once. */
  previousSecretValidSeconds: z.number().int().min(0).max(7 * 24 * 3600).default(DEFAULT_PREVIOUS_SECRET_VALID_SECONDS),
});
export type RotateSecretInput = z.output<typeof rotateSecretSchema>;

/** The rotate body is optional: an empty body means "generate a secret, keep the old one for a day". */
export function parseRotateSecretInput(text: string): RotateSecretInput {
  if (text.trim() === "") return rotateSecretSchema.parse({});
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError("invalid_json", "The request body is not valid JSON");
  }
  return rotateSecretSchema.parse(parsed);
}

export interface SourceView {
  id: string;
  name: string;
  description: string | null;
  signingScheme: string;
  signatureHeader: string | null;
  signaturePrefix: string | null;
  /** The secret is shown once, when created or rotated; afterwards only this hint. */
  secretHint: string | null;
  /** Set while requests signed with the secret before the last rotation are still accepted. */
  previousSecretExpiresAt: Date | null;
  idempotencyTtlSeconds: number;
  rateLimitPerSecond: number | null;
  webhookPath: string;
  createdAt: Date;
  updatedAt: Date;
}

export type SourceWithSecret = SourceView & { secret: string | null };

export function webhookPath(name: string): string {
  return name === DEFAULT_SOURCE_NAME ? "/api/webhook" : `/api/webhook/${name}`;
}

export function toSourceView(row: InboundSource, now: number): SourceView {
  const previousLive = row.previousSecret !== null && row.previousSecretExpiresAt !== null && row.previousSecretExpiresAt.getTime() > now;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    signingScheme: row.signingScheme,
    signatureHeader: row.signatureHeader,
    signaturePrefix: row.signaturePrefix,
    secretHint: secretHint(row.secret),
    previousSecretExpiresAt: previousLive ? row.previousSecretExpiresAt : null,
    idempotencyTtlSeconds: row.idempotencyTtlSeconds,
    rateLimitPerSecond: row.rateLimitPerSecond,
    webhookPath: webhookPath(row.name),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
