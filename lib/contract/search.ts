import { z } from "zod";
import { timestamp } from "./common";

export const searchHitSchema = z.object({
  kind: z.enum(["delivery", "inbound_event", "dead_letter", "endpoint"]),
  id: z.string(),
  matched: z.string().describe("What matched, in words: event id, payload, event type…"),
  title: z.string(),
  subtitle: z.string(),
  at: timestamp,
});

export const searchResultSchema = z.object({
  query: z.string(),
  exact: searchHitSchema.nullable().describe("Set when the query names exactly one record"),
  data: z.array(searchHitSchema),
});

export type SearchHit = z.infer<typeof searchHitSchema>;
export type SearchResult = z.infer<typeof searchResultSchema>;
