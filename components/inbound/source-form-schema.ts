import { z } from "zod";
import { PROVIDER_IDS } from "@/lib/inbound/providers/types";
import { sourceNameSchema } from "@/lib/inbound/source-name";
import type { CreateSourceInput, UpdateSourceInput } from "@/components/api/source-hooks";
import { presetInfo } from "./presets";

const TTL_MESSAGE = "Keep keys from 1 hour to 720 hours (30 days)";
const ttlHours = z.number({ error: TTL_MESSAGE }).int(TTL_MESSAGE).min(1, TTL_MESSAGE).max(720, TTL_MESSAGE);
const description = z.string().trim().max(500, "At most 500 characters");
const signatureHeader = z
  .string()
  .trim()
  .regex(/^([A-Za-z0-9][A-Za-z0-9-]{0,99})?$/, "A header name of letters, digits and '-'");
const signaturePrefix = z.string().max(32, "At most 32 characters");
const signatureEncoding = z.enum(["", "hex", "base64"]);

/** The new-source form: the API's rules for the name, and the TTL in hours, which is how operators think of it. */
export const sourceFormSchema = z.object({
  name: sourceNameSchema,
  description,
  provider: z.enum(PROVIDER_IDS),
  /** Checked by the server, which knows each preset's secret format; its answer lands under the field. */
  secret: z.string().trim(),
  signatureHeader,
  signaturePrefix,
  signatureEncoding,
  ttlHours,
});

export type SourceFormValues = z.input<typeof sourceFormSchema>;

export const DEFAULT_SOURCE_VALUES: SourceFormValues = {
  name: "",
  description: "",
  provider: "github",
  secret: "",
  signatureHeader: "x-signature-256",
  signaturePrefix: "sha256=",
  signatureEncoding: "",
  ttlHours: 24,
};

export function toCreateSourceInput(values: z.output<typeof sourceFormSchema>): CreateSourceInput {
  const takesSecret = presetInfo(values.provider)?.secretOrigin !== "none";
  const custom = values.provider === "custom";
  return {
    name: values.name,
    provider: values.provider,
    ...(values.description ? { description: values.description } : {}),
    ...(takesSecret && values.secret ? { secret: values.secret } : {}),
    ...(custom ? { signatureHeader: values.signatureHeader || undefined, signaturePrefix: values.signaturePrefix } : {}),
    ...(custom && values.signatureEncoding ? { signatureEncoding: values.signatureEncoding } : {}),
    idempotencyTtlSeconds: values.ttlHours * 3600,
  };
}

const RATE_MESSAGE = "A whole number of requests per second from 1 to 100 000, or empty for no limit";

/** The edit form: what can change without a new secret. An empty rate limit means none. */
export const editSourceFormSchema = z.object({
  name: sourceNameSchema,
  description,
  ttlHours,
  rateLimit: z.string().trim().regex(/^(\d{1,6})?$/, RATE_MESSAGE).refine((v) => v === "" || (Number(v) >= 1 && Number(v) <= 100_000), RATE_MESSAGE),
  signatureHeader,
  signaturePrefix,
  signatureEncoding,
});

export type EditSourceFormValues = z.input<typeof editSourceFormSchema>;

export function toUpdateSourceInput(values: z.output<typeof editSourceFormSchema>, provider: string): UpdateSourceInput {
  return {
    name: values.name,
    description: values.description || null,
    idempotencyTtlSeconds: values.ttlHours * 3600,
    rateLimitPerSecond: values.rateLimit === "" ? null : Number(values.rateLimit),
    ...(provider === "custom"
      ? { signatureHeader: values.signatureHeader || null, signaturePrefix: values.signaturePrefix, signatureEncoding: values.signatureEncoding || null }
      : {}),
  };
}
