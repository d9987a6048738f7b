"use client";

import Link from "next/link";
import { Copy } from "lucide-react";
import { createColumnHelper, tableFeatures, useTable } from "@tanstack/react-table";
import { inboundHref } from "@/components/api/hrefs";
import type { InboundEventItem } from "@/components/api/inbound-hooks";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusCode } from "@/components/deliveries/status-badge";
import { ListBody, ListCard, ListCards, ListTable } from "@/components/ui/list-table";
import { InboundStatusBadge, KeySourceBadge } from "./badges";

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, InboundEventItem>();

const eventTitle = (e: InboundEventItem) => e.eventType ?? "untyped";

function Duplicates({ count }: { count: number }) {
  if (count === 0) return <span className="text-slate-500">0</span>;
  return (
    <span className="inline-flex items-center gap-1 font-semibold text-brand-700" title={`${count} duplicate ${count === 1 ? "delivery was" : "deliveries were"} answered from the stored result`}>
      <Copy className="h-3 w-3" aria-hidden />
      {count}
    </span>
  );
}

/*
 * The event cell holds the row's link; its ::after covers the whole row, so a click
 * anywhere opens the event while the keyboard still meets one link per row.
 */
const columns = helper.columns([
  helper.display({ id: "received", header: "Received", cell: ({ row }) => <RelativeTime at={row.original.receivedAt} /> }),
  helper.display({ id: "source", header: "Source", cell: ({ row }) => <span className="block truncate text-slate-800">{row.original.source}</span> }),
  helper.display({
    id: "event",
    header: "Event",
    cell: ({ row }) => (
      <div className="min-w-0">
        <Link
          href={inboundHref(row.original.id)}
          className="block truncate font-medium text-slate-900 after:absolute after:inset-0 after:content-[''] focus-visible:outline-none"
          aria-label={`Inbound event ${row.original.id}: ${eventTitle(row.original)} from ${row.original.source}`}
        >
          {eventTitle(row.original)}
        </Link>
        <span className="block truncate font-mono text-[11px] text-slate-500">{row.original.id}</span>
      </div>
    ),
  }),
  helper.display({
    id: "key",
    header: "Idempotency key",
    cell: ({ row }) => (
      <div className="flex min-w-0 items-center gap-2">
        <span className="min-w-0 truncate font-mono text-xs text-slate-700" title={row.original.idempotencyKey}>
          {row.original.idempotencyKey}
        </span>
        <KeySourceBadge source={row.original.keySource} className="shrink-0" />
      </div>
    ),
  }),
  helper.display({ id: "status", header: "Status", cell: ({ row }) => <InboundStatusBadge status={row.original.status} /> }),
  helper.display({ id: "duplicates", header: "Dupes", cell: ({ row }) => <Duplicates count={row.original.duplicateCount} /> }),
  helper.display({ id: "runs", header: "Runs", cell: ({ row }) => row.original.runs }),
  helper.display({ id: "result", header: "Result", cell: ({ row }) => <StatusCode code={row.original.resultStatus} /> }),
]);

const NUMERIC = new Set(["duplicates", "runs", "result"]);

/** Column widths for the fixed table layout, which is what lets long keys truncate. */
const COLUMN_WIDTH: Record<string, string> = {
  received: "w-[6.5rem]",
  source: "w-[9%]",
  key: "w-[25%]",
  status: "w-[7.5rem]",
  duplicates: "w-[4.5rem]",
  runs: "w-[4rem]",
  result: "w-[4.5rem]",
};

export function InboundTable({ rows, busy }: { rows: InboundEventItem[]; busy: boolean }) {
  const table = useTable({ features, columns, data: rows, getRowId: (row) => row.id });
  return (
    <ListBody busy={busy}>
      <ListTable table={table} caption="Inbound events, newest first" widths={COLUMN_WIDTH} numeric={NUMERIC} />

      <ListCards label="Inbound events, newest first">
        {rows.map((row) => (
          <ListCard key={row.id} href={inboundHref(row.id)}>
            <div className="flex items-center justify-between gap-2">
              <span className="truncate font-medium text-slate-900">{eventTitle(row)}</span>
              <InboundStatusBadge status={row.status} />
            </div>
            <p className="mt-0.5 flex min-w-0 items-center gap-2">
              <span className="min-w-0 truncate font-mono text-xs text-slate-600">{row.idempotencyKey}</span>
              <KeySourceBadge source={row.keySource} className="shrink-0" />
            </p>
            <div className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
              <RelativeTime at={row.receivedAt} />
              <span>{row.source}</span>
              {row.duplicateCount > 0 ? (
                <span className="font-medium text-brand-700">
                  {row.duplicateCount} {row.duplicateCount === 1 ? "duplicate" : "duplicates"}
                </span>
              ) : null}
              {row.runs > 1 ? <span>{row.runs} runs</span> : null}
              {row.resultStatus !== null ? <StatusCode code={row.resultStatus} /> : null}
            </div>
          </ListCard>
        ))}
      </ListCards>
    </ListBody>
  );
}
