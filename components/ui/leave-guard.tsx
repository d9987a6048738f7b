"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ConfirmModal } from "./confirm-modal";

/** The in-app page a click on this link would open, or null for what is not a plain same-tab navigation. */
function internalTarget(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const link = (event.target as Element | null)?.closest?.("a[href]");
  if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== "_self") || link.hasAttribute("download")) return null;
  const url = new URL(link.href);
  if (url.origin !== window.location.origin) return null;
  if (url.pathname === window.location.pathname && url.search === window.location.search) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * Asks before unsaved edits are left behind: on links inside the app (a dialog, Leave or
 * Stay) and on reloading or closing the tab (the browser's own prompt). The back button is
 * not caught: the App Router gives no way to cancel it.
 */
export function LeaveGuard({ when, what }: { when: boolean; what: string }) {
  const router = useRouter();
  const [leavingTo, setLeavingTo] = useState<string | null>(null);

  useEffect(() => {
    if (!when) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    // Capturing on the document runs before React's own click handling, so a Link never sees the click.
    const onClick = (event: MouseEvent) => {
      const target = internalTarget(event);
      if (target === null) return;
      event.preventDefault();
      event.stopPropagation();
      setLeavingTo(target);
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [when]);

  return (
    <ConfirmModal
      open={leavingTo !== null}
      title="Leave without saving?"
      confirmLabel="Leave"
      onCancel={() => setLeavingTo(null)}
      onConfirm={() => {
        const target = leavingTo;
        setLeavingTo(null);
        if (target) router.push(target);
      }}
    >
      <p>Your changes to {what} are not saved and will be lost.</p>
    </ConfirmModal>
  );
}
