import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { ApiError } from "@/components/api/fetcher";

/**
 * Puts the server's field errors (400 validation_failed) under their inputs and returns
 * the message for everything else, to show above the form.
 */
export function applyServerError<T extends FieldValues>(err: unknown, fields: readonly Path<T>[], setError: UseFormSetError<T>): string | null {
  if (!(err instanceof ApiError)) return "Hookrelay could not be reached. Check your connection and try again.";
  if (err.code === "validation_failed" && Array.isArray(err.details)) {
    let placed = false;
    for (const issue of err.details as { path?: string; message?: string }[]) {
      const field = fields.find((f) => f === issue.path);
      if (field && issue.message) {
        setError(field, { message: issue.message });
        placed = true;
      }
    }
    if (placed) return null;
  }
  return err.message;
}
