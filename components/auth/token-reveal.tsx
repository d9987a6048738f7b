import { KeyRound } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

/** The new token, shown once: it is stored only as a digest, so this is the last chance to copy it. */
export function TokenReveal({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  return (
    <section aria-labelledby="token-reveal-title" className="rounded-lg border border-amber-200 bg-amber-50 p-4">
      <div className="flex items-start gap-3">
        <KeyRound className="mt-0.5 h-4 w-4 shrink-0 text-amber-600" aria-hidden />
        <div className="min-w-0 flex-1">
          <h3 id="token-reveal-title" className="text-sm font-medium text-amber-950">
            Copy the token for “{name}” now
          </h3>
          <p className="mt-0.5 text-sm text-amber-900">You won’t be able to see it again. Store it in your program’s secret store; if it is lost, revoke it and create another.</p>
          <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-center">
            <code data-testid="new-token" className="min-w-0 flex-1 select-all break-all rounded-md border border-amber-200 bg-white px-3 py-2 font-mono text-xs text-slate-900">
              {token}
            </code>
            <div className="flex gap-2">
              <CopyButton value={token} what="token" label="Copy" />
              <Button variant="ghost" onClick={onDone}>
                Done
              </Button>
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}
