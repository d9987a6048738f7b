import { z } from "zod";
import { sourceNameSchema } from "@/lib/inbound/source-name";
import type { CreateSourceInput } from "@/components/api/inbound-hooks";

export const SIGNING_SCHEME_OPTIONS = [
  { value: "none", label: "None (unsigned)", hint: "Anyone who knows the URL can post; fine behind a private network." },
  { value: "standard_webhooks", label: "Standard Webhooks", hint: "Verifies webhook-id, webhook-timestamp and webhook-signature (Svix, many providers)." },
  { value: "hmac_sha256", label: "HMAC-SHA256 header", hint: "Verifies a hex HMAC of the body in a header, as GitHub and Shopify send it." },
] as const;

export type SigningSchemeOption = (typeof SIGNING_SCHEME_OPTIONS)[number]["value"];

const TTL_MESSAGE = "Keep keys from 1 hour to 720 hours (30 days)";

/** The new-source form: the API's rules for the name, and the TTL in hours, which is how operators think of it. */
export const sourceFormSchema = z.object({
  name: sourceNameSchema,
  description: z.string().trim().max(500, "At most 500 characters"),
  signingScheme: z.enum(["none", "standard_webhooks", "hmac_sha256"]),
  ttlHours: z.number({ error: TTL_MESSAGE }).int(TTL_MESSAGE).min(1, TTL_MESSAGE).max(720, TTL_MESSAGE),
});

export type SourceFormValues = z.input<typeof sourceFormSchema>;

export const DEFAULT_SOURCE_VALUES: SourceFormValues = { name: "", description: "", signingScheme: "standard_webhooks", ttlHours: 24 };

export function toCreateSourceInput(values: z.output<typeof sourceFormSchema>): CreateSourceInput {
  return {
    name: values.name,
    ...(values.description ? { description: values.description } : {}),
    signingScheme: values.signingScheme,
    idempotencyTtlSeconds: values.ttlHours * 3600,
  };
}
