import { z } from "zod";
import { DEFAULT_SOURCE_NAME } from "../db/bootstrap";
import type { InboundSource } from "../db/client";
import type { Issue } from "../errors/app-error";
import { PRESET_INFO, providerIdOf } from "./providers/catalog";
import { PROVIDER_IDS, SIGNATURE_ENCODINGS, type ProviderId } from "./providers/types";
import { secretHint, secretSchemaFor } from "./source-secret";
import { sourceNameSchema } from "./source-name";

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
const signatureEncoding = z.enum(SIGNATURE_ENCODINGS);
const providerSchema = z.enum(PROVIDER_IDS);

const CUSTOM_FIELDS = ["signatureHeader", "signaturePrefix", "signatureEncoding"] as const;

interface SigningFields {
  secret?: string | null;
  signatureHeader?: string | null;
  signaturePrefix?: string | null;
  signatureEncoding?: string | null;
}


/** Which signing fields make sense depends on the preset; create and update share these rules. */
export function signingIssues(provider: ProviderId, fields: SigningFields): Issue[] {
  const issues: Issue[] = [];
  if (provider !== "custom") {
    for (const field of CUSTOM_FIELDS) {
      if (fields[field] !== undefined && fields[field] !== null) issues.push({ path: field, message: `Only a custom source takes a ${field}; the ${provider} preset fixes it` });
    }
  }
  if (typeof fields.secret === "string") {
    const info = PRESET_INFO[provider];
    if (info.secretOrigin === "none") issues.push({ path: "secret", message: "A source that does not check signatures takes no secret" });
    else for (const i of secretSchemaFor(info.secretFormat).safeParse(fields.secret).error?.issues ?? []) issues.push({ path: "secret", message: i.message });
  }
  return issues;
}


export const createSourceSchema = z
  .strictObject({
    name: sourceNameSchema,
    description: description.nullish(),
    provider: providerSchema.default("none"),
    /** Absent: generated where the preset allows it and returned once; for a provider-made secret, set later by rotation. */
    secret: z.string().optional(),
    signatureHeader: signatureHeader.optional(),
    signaturePrefix: signaturePrefix.optional(),
    signatureEncoding: signatureEncoding.optional(),
    idempotencyTtlSeconds: ttlSeconds.default(DEFAULT_TTL_SECONDS),
    rateLimitPerSecond: rateLimitPerSecond.nullish(),
  })
  .superRefine((v, ctx) => {
    for (const issue of signingIssues(v.provider, v)) ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
  });
export type CreateSourceInput = z.output<typeof createSourceSchema>;

/** Every field optional; null clears the nullable ones. A secret is only taken with a change of preset (rotation has its own route). */
export const updateSourceSchema = z.strictObject({
  name: sourceNameSchema.optional(),
  description: description.nullable().optional(),
  provider: providerSchema.optional(),
  secret: z.string().optional(),
  signatureHeader: signatureHeader.nullable().optional(),
  signaturePrefix: signaturePrefix.nullable().optional(),
  signatureEncoding: signatureEncoding.nullable().optional(),
  idempotencyTtlSeconds: ttlSeconds.optional(),
  rateLimitPerSecond: rateLimitPerSecond.nullable().optional(),
});
export type UpdateSourceInput = z.output<typeof updateSourceSchema>;

/** The rotate body is optional: an empty body means "generate a secret, keep the old one for a day". */
export const rotateSecretSchema = z.strictObject({
  /** Absent: a new one is generated (a preset whose provider makes the secret needs it given). */
  secret: z.string().optional(),
  /** How long requests signed with the old secret are still accepted; 0 ends it at once. */
  previousSecretValidSeconds: z.number().int().min(0).max(7 * 24 * 3600).default(DEFAULT_PREVIOUS_SECRET_VALID_SECONDS),
});
export type RotateSecretInput = z.output<typeof rotateSecretSchema>;


export interface SourceView {
  id: string;
  name: string;
  description: string | null;
  /** The preset; a value this version does not know is shown as it is stored. */
  provider: ProviderId | string;
  signatureHeader: string | null;
  signaturePrefix: string | null;
  signatureEncoding: string | null;
  /** The secret is shown once, when created or rotated; afterwards only this hint. */
  secretHint: string | null;
  /** Set while requests signed with the secret before the last rotation are still accepted. */
  previousSecretExpiresAt: Date | null;
  idempotencyTtlSeconds: number;
  rateLimitPerSecond: number | null;
  webhookPath: string;
  /** Requests refused at the door in the last 24 hours. */
  refusedLastDay: number;
  createdAt: Date;
  updatedAt: Date;
}

export type SourceWithSecret = SourceView & { secret: string | null };

export function webhookPath(name: string): string {
  return name === DEFAULT_SOURCE_NAME ? "/api/webhook" : `/api/webhook/${name}`;
}

export function toSourceView(row: InboundSource, now: number, refusedLastDay = 0): SourceView {
  const previousLive = row.previousSecret !== null && row.previousSecretExpiresAt !== null && row.previousSecretExpiresAt.getTime() > now;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    provider: providerIdOf(row.provider) ?? row.provider,
    signatureHeader: row.signatureHeader,
    signaturePrefix: row.signaturePrefix,
    signatureEncoding: row.signatureEncoding,
    secretHint: secretHint(row.secret),
    previousSecretExpiresAt: previousLive ? row.previousSecretExpiresAt : null,
    idempotencyTtlSeconds: row.idempotencyTtlSeconds,
    rateLimitPerSecond: row.rateLimitPerSecond,
    webhookPath: webhookPath(row.name),
    refusedLastDay,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
