"use client";

import { useRef } from "react";

function randomKey(): string {
  // getRandomValues, unlike randomUUID, works on a dashboard served over plain http.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The Idempotency-Key of one operator action: the same for every request made until the
 * first one settles (a second click, a retry), new after that. The server answers repeats
 * of a key with the first answer, so a double click acts once and shows no error.
 */
export function useActionKey() {
  const key = useRef<string | null>(null);
  return {
    headers: (): Record<string, string> => ({ "Idempotency-Key": (key.current ??= randomKey()) }),
    settled: () => {
      key.current = null;
    },
  };
}
