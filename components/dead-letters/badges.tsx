import { StatusBadge } from "@/components/ui/badge";
import { isSettling } from "@/components/api/dlq-hooks";
import { letterStatusMeta, reasonMeta } from "./shape";

export function LetterStatusBadge({ status, className }: { status: string; className?: string }) {
  return <StatusBadge meta={letterStatusMeta(status)} live={isSettling(status)} className={className} />;
}

/** The failure reason in words; the description (what causes it) on hover. */
export function ReasonLabel({ reason, className }: { reason: string; className?: string }) {
  const meta = reasonMeta(reason);
  return (
    <span title={meta.description || undefined} className={className}>
      {meta.label}
    </span>
  );
}
