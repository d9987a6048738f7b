import { Badge, StatusBadge } from "@/components/ui/badge";
import { inboundStatusMeta, keySourceMeta } from "./format";

export function InboundStatusBadge({ status, className }: { status: string; className?: string }) {
  return <StatusBadge meta={inboundStatusMeta(status)} live={status === "processing"} className={className} />;
}

/** Where the idempotency key came from; how trustworthy that is shows in the colour and the hover text. */
export function KeySourceBadge({ source, className }: { source: string; className?: string }) {
  const meta = keySourceMeta(source);
  return (
    <Badge tone={meta.tone} title={meta.description} className={className}>
      {meta.label}
    </Badge>
  );
}
