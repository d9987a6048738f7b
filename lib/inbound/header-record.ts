import { z } from "zod";

const headerRecord = z.record(z.string(), z.string());

/** Headers stored as a JSON object of strings; anything unreadable reads as none rather than failing a page. */
export function parseHeaderRecord(stored: string | null): Record<string, string> {
  if (!stored) return {};
  try {
    return headerRecord.parse(JSON.parse(stored));
  } catch {
    return {};
  }
}
