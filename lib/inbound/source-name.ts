import { z } from "zod";

/** A source's name is the last segment of its webhook URL, so it is kept to a URL-safe lowercase slug. */
export const SOURCE_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;

export const sourceNameSchema = z
  .string()
  .trim()
  .regex(SOURCE_NAME_PATTERN, "Use 1-63 lowercase letters, digits, '-' or '_', starting with a letter or digit");

export function isSourceName(value: string): boolean {
  return SOURCE_NAME_PATTERN.test(value);
}
