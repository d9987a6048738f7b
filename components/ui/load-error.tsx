import { RefreshCw } from "lucide-react";
import type { ReactNode } from "react";
import { Alert } from "./alert";
import { Button } from "./button";

/** What could not be loaded, the server's reason, and a way to try again (plus any other way out). */
export function LoadError({ title, error, onRetry, children, className }: { title: string; error: Error; onRetry: () => void; children?: ReactNode; className?: string }) {
  return (
    <Alert tone="error" title={title} className={className}>
      <p>{error.message}</p>
      <div className="mt-2 flex flex-wrap gap-2">
        <Button size="sm" icon={RefreshCw} onClick={onRetry}>
          Try again
        </Button>
        {children}
      </div>
    </Alert>
  );
}

/** Shown above data that is still on screen while refreshing it keeps failing. */
export function RefreshFailed({ what, error, className }: { what: string; error: Error; className?: string }) {
  return (
    <Alert tone="warning" title={`Showing the last ${what} received`} className={className}>
      Refreshing failed: {error.message}
    </Alert>
  );
}
