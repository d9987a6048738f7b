"use client";

import Link from "next/link";
import { createColumnHelper, tableFeatures, useTable } from "@tanstack/react-table";
import type { DeliveryListItem } from "@/components/api/delivery-hooks";
import { deliveryHref } from "@/components/api/hrefs";
import { RelativeTime } from "@/components/ui/relative-time";
import { ListBody, ListCard, ListCards, ListTable } from "@/components/ui/list-table";
import { Countdown } from "./countdown";
import { shortUrl } from "./format";
import { DeliveryStatusBadge, StatusCode } from "./status-badge";

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, DeliveryListItem>();

function NextAttempt({ row }: { row: DeliveryListItem }) {
  if (row.status === "in_flight") return <span className="text-brand-700">sending now</span>;
  if (row.status === "pending") return <Countdown to={row.nextAttemptAt} className="text-amber-800" />;
  return <span className="text-slate-500">—</span>;
}

function LastResult({ row }: { row: DeliveryListItem }) {
  if (row.attemptCount === 0 && row.lastError === null) return <span className="text-slate-500">not tried yet</span>;
  return (
    <span className="flex min-w-0 items-center gap-2">
      <StatusCode code={row.lastStatusCode} />
      {row.lastError ? (
        <span className="min-w-0 truncate text-xs text-slate-600" title={row.lastError}>
          {row.lastError}
        </span>
      ) : null}
    </span>
  );
}

/*
 * The event cell holds the row's link; its ::after covers the whole row, so a click
 * anywhere opens the delivery while the keyboard still meets one link per row.
 */
const columns = helper.columns([
  helper.display({ id: "status", header: "Status", cell: ({ row }) => <DeliveryStatusBadge status={row.original.status} /> }),
  helper.display({
    id: "event",
    header: "Event",
    cell: ({ row }) => (
      <div className="min-w-0">
        <Link
          href={deliveryHref(row.original.id)}
          title={row.original.message.eventType}
          className="block truncate font-medium text-slate-900 after:absolute after:inset-0 after:content-[''] focus-visible:outline-none"
          aria-label={`Delivery ${row.original.id}: ${row.original.message.eventType} to ${row.original.endpoint.url}`}
        >
          {row.original.message.eventType}
        </Link>
        <span className="block truncate font-mono text-[11px] text-slate-500">{row.original.id}</span>
      </div>
    ),
  }),
  helper.display({
    id: "endpoint",
    header: "Endpoint",
    cell: ({ row }) => (
      <span className="block truncate font-mono text-xs text-slate-700" title={row.original.endpoint.url}>
        {shortUrl(row.original.endpoint.url)}
      </span>
    ),
  }),
  helper.display({ id: "attempts", header: "Attempts", cell: ({ row }) => row.original.attemptCount }),
  helper.display({ id: "result", header: "Last result", cell: ({ row }) => <LastResult row={row.original} /> }),
  helper.display({ id: "created", header: "Created", cell: ({ row }) => <RelativeTime at={row.original.createdAt} /> }),
  helper.display({ id: "next", header: "Next attempt", cell: ({ row }) => <NextAttempt row={row.original} /> }),
]);

const NUMERIC = new Set(["attempts"]);

/** Column widths for the fixed table layout, which is what lets long URLs and errors truncate. */
const COLUMN_WIDTH: Record<string, string> = {
  status: "w-[7rem]",
  endpoint: "w-[19%]",
  attempts: "w-[5.5rem]",
  result: "w-[19%]",
  created: "w-[6rem]",
  next: "w-[7rem]",
};

export function DeliveriesTable({ rows, busy }: { rows: DeliveryListItem[]; busy: boolean }) {
  const table = useTable({ features, columns, data: rows, getRowId: (row) => row.id });
  return (
    <ListBody busy={busy}>
      <ListTable table={table} caption="Deliveries, newest first" widths={COLUMN_WIDTH} numeric={NUMERIC} />

      <ListCards label="Deliveries, newest first">
        {rows.map((row) => (
          <ListCard key={row.id} href={deliveryHref(row.id)}>
            <div className="flex items-center justify-between gap-2">
              <span className="truncate font-medium text-slate-900">{row.message.eventType}</span>
              <DeliveryStatusBadge status={row.status} />
            </div>
            <p className="mt-0.5 truncate font-mono text-xs text-slate-600">{shortUrl(row.endpoint.url)}</p>
            <div className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
              <RelativeTime at={row.createdAt} />
              <span>
                {row.attemptCount} {row.attemptCount === 1 ? "attempt" : "attempts"}
              </span>
              {row.lastStatusCode !== null ? <StatusCode code={row.lastStatusCode} /> : null}
              {row.status === "pending" ? (
                <span>
                  next <Countdown to={row.nextAttemptAt} />
                </span>
              ) : null}
            </div>
          </ListCard>
        ))}
      </ListCards>
    </ListBody>
  );
}
