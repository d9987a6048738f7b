import { z } from "zod";
import { endpointCreateSchema, type EndpointCreateInput } from "@/lib/delivery/endpoint-schema";
import type { Endpoint } from "@/components/api/endpoint-hooks";

/*
 * The form holds what inputs hold (text, a list of chips, a checkbox) and converts it to the
 * API's shape, which endpointCreateSchema then validates: the messages under the inputs are
 * the API's own, and the issue paths are the form's field names.
 */

/** "" is "no limit" / "the default policy"; anything else goes to the API schema as typed. */
const emptyAsNull = (value: string) => (value.trim() === "" ? null : value);
const numberOrNull = (value: string) => (value.trim() === "" ? null : Number(value));

const formShape = z.object({
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.string()),
  policyId: z.string(),
  enabled: z.boolean(),
  rateLimitPerSecond: z.string(),
  maxConcurrency: z.string(),
});

export type EndpointFormInput = z.input<typeof formShape>;
export type EndpointFormValues = EndpointCreateInput;

export const endpointFormSchema = formShape
  .transform((v): z.input<typeof endpointCreateSchema> => ({
    url: v.url,
    description: emptyAsNull(v.description),
    eventTypes: v.eventTypes,
    policyId: emptyAsNull(v.policyId),
    enabled: v.enabled,
    rateLimitPerSecond: numberOrNull(v.rateLimitPerSecond),
    maxConcurrency: numberOrNull(v.maxConcurrency),
  }))
  .pipe(endpointCreateSchema);

/** The fields the server can name in a refusal, for placing its messages inline. */
export const ENDPOINT_FORM_FIELDS = Object.keys(formShape.shape);

export const EMPTY_ENDPOINT_FORM: EndpointFormInput = {
  url: "",
  description: "",
  eventTypes: [],
  policyId: "",
  enabled: true,
  rateLimitPerSecond: "",
  maxConcurrency: "",
};

export function endpointToForm(endpoint: Endpoint): EndpointFormInput {
  return {
    url: endpoint.url,
    description: endpoint.description ?? "",
    eventTypes: endpoint.eventTypes,
    policyId: endpoint.policyId ?? "",
    enabled: endpoint.enabled,
    rateLimitPerSecond: endpoint.rateLimitPerSecond === null ? "" : String(endpoint.rateLimitPerSecond),
    maxConcurrency: endpoint.maxConcurrency === null ? "" : String(endpoint.maxConcurrency),
  };
}
