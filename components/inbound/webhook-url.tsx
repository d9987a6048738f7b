"use client";

import { useSyncExternalStore } from "react";
import { CopyButton } from "@/components/ui/copy-button";

const noSubscription = () => () => undefined;

/** The absolute URL depends on where the dashboard is served from, known only in the browser. */
function useAbsoluteUrl(path: string): string {
  const origin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );
  return `${origin}${path}`;
}

/** The URL to paste into the provider, whole, with a copy button. */
export function WebhookUrl({ path, label = "webhook URL" }: { path: string; label?: string }) {
  const url = useAbsoluteUrl(path);
  return (
    // relative: the copy button's visually hidden status text is positioned absolutely and
    // would otherwise widen the page from inside a sideways-scrolling table.
    <span className="relative flex min-w-0 items-center gap-1">
      <code className="min-w-0 break-all font-mono text-xs text-slate-800" data-testid="webhook-url">
        {url}
      </code>
      <CopyButton iconOnly value={url} what={`${label} ${path}`} />
    </span>
  );
}
