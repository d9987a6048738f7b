import { KeyRound } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { presetInfo } from "./presets";

/** A source's secret the one time the API returns it, with what to do with it. */
export function SourceSecretOnce({ name, provider, secret, onDone }: { name: string; provider: string; secret: string; onDone: () => void }) {
  const info = presetInfo(provider);
  return (
    <section aria-label={`Signing secret of ${name}`} className="rounded-lg border border-amber-300 bg-amber-50 p-4">
      <div className="flex items-start gap-3">
        <KeyRound className="mt-0.5 h-4 w-4 shrink-0 text-amber-600" aria-hidden />
        <div className="min-w-0 flex-1">
          <h3 className="text-sm font-semibold text-amber-950">The signing secret of “{name}”</h3>
          <p className="mt-0.5 text-sm text-amber-900">This is the only time it is shown. {info?.secretHelp}</p>
          <code data-testid="source-secret" className="mt-3 block select-all break-all rounded-md border border-amber-200 bg-white px-3 py-2 font-mono text-xs leading-5 text-slate-900">
            {secret}
          </code>
          <div className="mt-2 flex flex-wrap gap-2">
            <CopyButton value={secret} what="Secret" label="Copy secret" />
            <Button variant="ghost" onClick={onDone}>
              I have stored it
            </Button>
          </div>
        </div>
      </div>
    </section>
  );
}
