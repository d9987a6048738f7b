"use client";

import { useState } from "react";
import type { FieldValues, UseFormSetError } from "react-hook-form";
import { applyFieldErrors } from "@/components/ui/form-errors";

/**
 * Signing in, out or setting up changes whose session every cached query belongs to: a full
 * page load starts the next page from scratch rather than from what the old session fetched.
 */
export function fullPageLoad(path: string): void {
  window.location.assign(path);
}

/**
 * Sends a sign-in or setup form: a refusal lands under its field, or above the form when it
 * concerns none; success loads the page `send` names afresh.
 */
export function useAuthSubmit<T extends FieldValues>(fields: readonly string[], setError: UseFormSetError<T>, send: (values: T) => Promise<string>) {
  const [problem, setProblem] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);

  async function submit(values: T) {
    setProblem(null);
    let destination: string;
    try {
      destination = await send(values);
    } catch (err) {
      setProblem(applyFieldErrors(err, fields, setError));
      return;
    }
    setLeaving(true);
    fullPageLoad(destination);
  }

  return { problem, leaving, submit };
}
