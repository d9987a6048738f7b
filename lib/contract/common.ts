import { z } from "zod";
import { ERROR_STATUS, type ErrorCode } from "../errors/app-error";

/**
 * Shapes every resource's answers share. These schemas describe the wire (dates are ISO
 * strings, as JSON.stringify writes them), so `z.infer` of them is what a client reads.
 */

export const timestamp = z.iso.datetime({ offset: true });

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
      message: z.string().describe("For people: names the first problem found"),
      details: z.unknown().optional().describe("For programs: for validation_failed, a list of { path, message }"),
    }),
  })
  .describe("The one error shape every operator API route answers with");

/** A page of a keyset-paged list: pass `nextCursor` back as `cursor`; null on the last page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

/** A whole (unpaged) list in the same envelope. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item) });
}

