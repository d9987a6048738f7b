import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { issueDetails, mutationErrorText } from "@/components/api/error-text";

/**
 * Puts the server's field problems (a refused destination, a name already taken) under the
 * inputs they concern, focusing the first, so they read like the form's own validation.
 * `fields` are the form's top-level names; "eventTypes.2" lands on the third event type.
 * Returns what is left to say about the failure: null when every problem found its field,
 * otherwise one line for above the form or a toast.
 */
export function applyFieldErrors<T extends FieldValues>(err: unknown, fields: readonly string[], setError: UseFormSetError<T>): string | null {
  let placed = false;
  for (const { path, message } of issueDetails(err)) {
    const [head] = path.split(".");
    if (!fields.includes(head)) continue;
    setError(path as Path<T>, { type: "server", message }, { shouldFocus: !placed });
    placed = true;
  }
  return placed ? null : mutationErrorText(err);
}
