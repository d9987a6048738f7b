import { z } from "zod";
import { eventTypeFilterSchema } from "./event-filter";

// Browser-safe on purpose (zod only): the dashboard's endpoint form validates with these
// schemas too. The address checks that need DNS run in the service.

const URL_MESSAGE = "URL must be an absolute http or https URL";

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === "http:" || protocol === "https:";
}

const url = z
  .string({ error: URL_MESSAGE })
  .trim()
  .min(1, "URL is required")
  .max(2048, "URL has at most 2,048 characters")
  .refine(isHttpUrl, URL_MESSAGE);

const description = z.string({ error: "Description must be text" }).trim().max(500, "Description has at most 500 characters").nullable();

/**
 * The matcher only understands `*`, `prefix.*` and exact types, so a `*` anywhere else
 * would silently match nothing; it is refused here instead. Duplicates are dropped.
 */
const eventTypes = eventTypeFilterSchema
  .superRefine((types, ctx) => {
    types.forEach((type, index) => {
      const star = type.indexOf("*");
      const wellFormed = star === -1 || type === "*" || (type.endsWith(".*") && star === type.length - 1 && type.length > 2);
      if (!wellFormed) ctx.addIssue({ code: "custom", path: [index], message: `"${type}" is not a valid filter: use an exact type, "prefix.*" or "*"` });
    });
  })
  .transform((types) => [...new Set(types)]);

const policyId = z.string({ error: "Policy must be a policy id or null" }).min(1, "Policy must be a policy id or null").nullable();

const enabled = z.boolean({ error: "Enabled must be true or false" });

function optionalLimit(message: string, max: number) {
  return z.number({ error: message }).int({ error: message }).min(1, { error: message }).max(max, { error: message }).nullable();
}

const rateLimitPerSecond = optionalLimit("Rate limit must be a whole number of requests per second from 1 to 10,000, or empty for none", 10_000);
const maxConcurrency = optionalLimit("Max concurrency must be a whole number from 1 to 1,000, or empty for no limit", 1_000);

export const endpointCreateSchema = z.object({
  url,
  description: description.optional(),
  eventTypes: eventTypes.default([]),
  policyId: policyId.optional(),
  enabled: enabled.default(true),
  rateLimitPerSecond: rateLimitPerSecond.optional(),
  maxConcurrency: maxConcurrency.optional(),
});

/** A partial update: absent fields stay as they are, null clears a nullable one. */
export const endpointUpdateSchema = z.object({
  url: url.optional(),
  description: description.optional(),
  eventTypes: eventTypes.optional(),
  policyId: policyId.optional(),
  enabled: enabled.optional(),
  rateLimitPerSecond: rateLimitPerSecond.optional(),
  maxConcurrency: maxConcurrency.optional(),
});

export type EndpointCreateInput = z.output<typeof endpointCreateSchema>;
export type EndpointUpdateInput = z.output<typeof endpointUpdateSchema>;
