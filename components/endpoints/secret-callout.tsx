import { KeyRound } from "lucide-react";
import type { ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";

/**
 * A signing secret shown the one time the API returns it: after this the dashboard only
 * knows its last characters, so the callout says plainly that it will not come back.
 */
export function SecretCallout({ secret, title, children, actions }: { secret: string; title: string; children?: ReactNode; actions?: ReactNode }) {
  return (
    <section aria-label={title} className="rounded-lg border border-amber-300 bg-amber-50 p-4">
      <div className="flex items-start gap-3">
        <KeyRound className="mt-0.5 h-4 w-4 shrink-0 text-amber-600" aria-hidden />
        <div className="min-w-0 flex-1">
          <h3 className="text-sm font-semibold text-amber-950">{title}</h3>
          <p className="mt-0.5 text-sm text-amber-900">
            This is the only time it is shown. Store it where your receiver reads its configuration; it verifies the{" "}
            <code className="font-mono text-xs">webhook-signature</code> header of every delivery. If it is lost, rotate it.
          </p>
          {children}
          <div className="mt-3 flex flex-col gap-2">
            <code
              data-testid="endpoint-secret"
              className="block select-all break-all rounded-md border border-amber-200 bg-white px-3 py-2 font-mono text-xs leading-5 text-slate-900"
            >
              {secret}
            </code>
            <div className="flex flex-wrap gap-2">
              <CopyButton value={secret} what="secret" />
              {actions}
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}
