"use client";

import { RefreshCw, ShieldCheck } from "lucide-react";
import { useSourceRefusals, type SourceRefusalsView } from "@/components/api/source-hooks";
import { formatCount } from "@/components/charts/format";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusCode } from "@/components/deliveries/status-badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { HeaderList } from "@/components/ui/header-list";
import { Skeleton } from "@/components/ui/skeleton";

type Refusal = SourceRefusalsView["data"][number];

function byStatusText(counts: Record<string, number>): string {
  const parts = Object.entries(counts)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([status, n]) => `${formatCount(n)} × ${status}`);
  return parts.length ? parts.join(", ") : "none";
}

/** The last requests the source refused at the door, newest first: why, and what arrived. */
export function RefusalsCard({ sourceId }: { sourceId: string }) {
  const query = useSourceRefusals(sourceId);
  const total = query.data ? Object.values(query.data.lastDayByStatus).reduce((a, b) => a + b, 0) : 0;
  return (
    <Card
      title="Refused requests"
      aria-label="Refused requests"
      description={
        query.data
          ? `${formatCount(total)} in the last 24 hours (${byStatusText(query.data.lastDayByStatus)}). The newest ${query.data.data.length} are kept; secrets and signatures are never shown.`
          : "Requests refused at the door: bad signature, bad body, too large, too fast."
      }
    >
      {query.isPending ? (
        <div className="flex flex-col gap-2">
          <Skeleton className="h-10" />
          <Skeleton className="h-10" />
        </div>
      ) : query.isError ? (
        <Alert tone="error" title="Refusals could not be loaded">
          <p>{query.error.message}</p>
          <Button size="sm" icon={RefreshCw} className="mt-2" onClick={() => void query.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : query.data.data.length === 0 ? (
        <p className="flex items-center gap-2 text-sm text-slate-500">
          <ShieldCheck className="h-4 w-4 text-emerald-600" aria-hidden />
          Nothing refused: every request so far was accepted.
        </p>
      ) : (
        <ul className="-my-2 divide-y divide-slate-100" aria-label="Refusals, newest first">
          {query.data.data.map((r) => (
            <RefusalItem key={r.id} refusal={r} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function RefusalItem({ refusal: r }: { refusal: Refusal }) {
  return (
    <li className="py-2.5">
      <details className="group">
        <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1 rounded focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
          <StatusCode code={r.status} />
          <span className="min-w-0 flex-1 break-words text-sm text-slate-800">{r.reason}</span>
          <span className="shrink-0 text-xs text-slate-500">
            <RelativeTime at={r.receivedAt} />
          </span>
        </summary>
        <div className="mt-3 flex flex-col gap-3">
          <HeaderList headers={r.headers} empty="No headers." />
          <p className="text-xs text-slate-500">
            Body: {formatCount(r.bodyBytes)} bytes{r.bodyBytes > 1024 ? ", the first KiB below" : ""} · code <code className="font-mono">{r.code}</code>
          </p>
          {r.bodyExcerpt ? <CodeBlock code={r.bodyExcerpt} label="refused body" maxHeightClass="max-h-48" /> : null}
        </div>
      </details>
    </li>
  );
}
