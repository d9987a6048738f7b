import { StatusBadge } from "@/components/ui/badge";
import { isLive } from "@/components/api/delivery-filters";
import { statusMeta } from "./format";

export function DeliveryStatusBadge({ status, className }: { status: string; className?: string }) {
  return <StatusBadge meta={statusMeta(status)} live={isLive(status)} className={className} />;
}

/** An HTTP status code coloured by family; "—" when no response came back. */
export function StatusCode({ code }: { code: number | null }) {
  if (code === null) return <span className="text-slate-500">—</span>;
  const colour = code < 300 ? "text-emerald-700" : code < 400 ? "text-slate-700" : code < 500 ? "text-amber-700" : "text-red-700";
  return <span className={`font-mono text-xs font-semibold tabular-nums ${colour}`}>{code}</span>;
}
