"use client";

import { useEffect, useRef } from "react";

/**
 * Opens and closes a native <dialog> as a modal from React state. The browser then traps
 * focus, closes on Escape and gives focus back to whatever opened it.
 */
export function useModalDialog(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return ref;
}
