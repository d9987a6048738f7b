"use client";

import Link from "next/link";
import { clsx } from "clsx";
import { RotateCcw, Trash2 } from "lucide-react";
import { useEffect, useMemo, useRef, type ComponentProps } from "react";
import { createColumnHelper, rowSelectionFeature, tableFeatures, useTable, type RowSelectionState, type Updater } from "@tanstack/react-table";
import type { LetterItem } from "@/components/api/dlq-hooks";
import { letterHref } from "@/components/api/hrefs";
import { RelativeTime } from "@/components/ui/relative-time";
import { shortUrl } from "@/components/deliveries/format";
import { Button } from "@/components/ui/button";
import { ListBody, ListTable } from "@/components/ui/list-table";
import { LetterStatusBadge, ReasonLabel } from "./badges";

const features = tableFeatures({ rowSelectionFeature });
const helper = createColumnHelper<typeof features, LetterItem>();

export interface LetterActions {
  onReprocess: (letter: LetterItem) => void;
  onDiscard: (letter: LetterItem) => void;
}

const canAct = (letter: LetterItem) => letter.status === "pending";

function letterTitle(letter: LetterItem): string {
  return letter.eventType ?? "Untyped event";
}

/** A native checkbox that can show the "some selected" state, which has no HTML attribute. */
function SelectBox({ indeterminate = false, className, ...props }: Omit<ComponentProps<"input">, "type"> & { indeterminate?: boolean }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className={clsx(
        "relative z-10 h-4 w-4 cursor-pointer rounded border-slate-300 accent-brand-600 disabled:cursor-not-allowed disabled:opacity-40",
        "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2",
        className,
      )}
      {...props}
    />
  );
}

function RowActions({ letter, actions }: { letter: LetterItem; actions: LetterActions }) {
  if (letter.status === "reprocessing") return <span className="block text-right text-xs text-brand-700">sending again…</span>;
  if (!canAct(letter)) return <span className="sr-only">No actions: only pending letters can be reprocessed or discarded</span>;
  const name = `${letterTitle(letter)} ${letter.id}`;
  return (
    <div className="relative z-10 flex justify-end gap-1">
      <Button size="sm" icon={RotateCcw} onClick={() => actions.onReprocess(letter)} aria-label={`Reprocess ${name}`}>
        Reprocess
      </Button>
      <Button size="sm" variant="ghost" icon={Trash2} onClick={() => actions.onDiscard(letter)} aria-label={`Discard ${name}`} title="Discard" className="w-8 px-0" />
    </div>
  );
}

function Destination({ letter }: { letter: LetterItem }) {
  if (letter.url === null) return <span className="block truncate text-xs text-slate-500">inbound event processing</span>;
  return (
    <span className="block truncate font-mono text-xs text-slate-500" title={letter.url}>
      {shortUrl(letter.url)}
    </span>
  );
}

function buildColumns(actions: LetterActions) {
  return helper.columns([
    helper.display({
      id: "select",
      header: ({ table }) => (
        <SelectBox
          aria-label="Select every pending letter on this page"
          checked={table.getIsAllPageRowsSelected()}
          indeterminate={table.getIsSomePageRowsSelected() && !table.getIsAllPageRowsSelected()}
          disabled={!table.getRowModel().rows.some((r) => r.getCanSelect())}
          onChange={table.getToggleAllPageRowsSelectedHandler()}
        />
      ),
      cell: ({ row }) => (
        <SelectBox
          aria-label={`Select ${letterTitle(row.original)} ${row.original.id}`}
          checked={row.getIsSelected()}
          disabled={!row.getCanSelect()}
          title={row.getCanSelect() ? undefined : "Only pending letters can be selected"}
          onChange={row.getToggleSelectedHandler()}
        />
      ),
    }),
    helper.display({ id: "status", header: "Status", cell: ({ row }) => <LetterStatusBadge status={row.original.status} /> }),
    helper.display({
      id: "letter",
      header: "Event and endpoint",
      cell: ({ row }) => (
        <div className="min-w-0">
          <Link
            href={letterHref(row.original.id)}
            className="block truncate font-medium text-slate-900 after:absolute after:inset-0 after:content-[''] focus-visible:outline-none"
            aria-label={`Dead letter ${row.original.id}: ${letterTitle(row.original)}`}
          >
            {letterTitle(row.original)}
          </Link>
          <Destination letter={row.original} />
        </div>
      ),
    }),
    helper.display({
      id: "reason",
      header: "Reason",
      cell: ({ row }) => (
        <div className="min-w-0">
          <ReasonLabel reason={row.original.reason} className="block truncate text-slate-800" />
          {row.original.errorDetails ? (
            <span className="block truncate text-xs text-slate-500" title={row.original.errorDetails}>
              {row.original.errorDetails}
            </span>
          ) : null}
        </div>
      ),
    }),
    helper.display({ id: "attempts", header: "Attempts", cell: ({ row }) => row.original.attempts }),
    helper.display({ id: "failed", header: "Failed", cell: ({ row }) => <RelativeTime at={row.original.failedAt} /> }),
    helper.display({ id: "actions", header: () => <span className="sr-only">Actions</span>, cell: ({ row }) => <RowActions letter={row.original} actions={actions} /> }),
  ]);
}

const NUMERIC = new Set(["attempts"]);

/** Column widths for the fixed table layout, which is what lets long URLs and errors truncate. */
const COLUMN_WIDTH: Record<string, string> = {
  select: "w-11",
  status: "w-[7.5rem]",
  reason: "w-[27%]",
  attempts: "w-[5.25rem]",
  failed: "w-[6.5rem]",
  actions: "w-[10.5rem]",
};

export interface LettersTableProps extends LetterActions {
  rows: LetterItem[];
  busy: boolean;
  selection: RowSelectionState;
  onSelectionChange: (updater: Updater<RowSelectionState>) => void;
}

export function LettersTable({ rows, busy, selection, onSelectionChange, onReprocess, onDiscard }: LettersTableProps) {
  const columns = useMemo(() => buildColumns({ onReprocess, onDiscard }), [onReprocess, onDiscard]);
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    enableRowSelection: (row) => canAct(row.original),
    state: { rowSelection: selection },
    onRowSelectionChange: onSelectionChange,
  });

  return (
    <ListBody busy={busy}>
      <ListTable
        table={table}
        caption="Dead letters, latest failure first"
        widths={COLUMN_WIDTH}
        numeric={NUMERIC}
        rowProps={(row) => ({ "data-letter-id": row.id, className: clsx(row.getIsSelected() && "bg-brand-50/60 hover:bg-brand-50") })}
      />

      <label className="flex items-center gap-3 border-b border-slate-100 px-4 py-2.5 text-sm text-slate-600 md:hidden">
        <SelectBox
          checked={table.getIsAllPageRowsSelected()}
          indeterminate={table.getIsSomePageRowsSelected() && !table.getIsAllPageRowsSelected()}
          disabled={!table.getRowModel().rows.some((r) => r.getCanSelect())}
          onChange={table.getToggleAllPageRowsSelectedHandler()}
        />
        Select every pending letter on this page
      </label>
      <ul className="divide-y divide-slate-100 md:hidden" aria-label="Dead letters, latest failure first">
        {table.getRowModel().rows.map((row) => {
          const letter = row.original;
          return (
            <li key={row.id} data-letter-id={row.id} className={clsx("relative flex items-start gap-3 px-4 py-3", row.getIsSelected() && "bg-brand-50/60")}>
              <SelectBox
                className="mt-1"
                aria-label={`Select ${letterTitle(letter)} ${letter.id}`}
                checked={row.getIsSelected()}
                disabled={!row.getCanSelect()}
                onChange={row.getToggleSelectedHandler()}
              />
              <div className="min-w-0 flex-1">
                <div className="flex items-start justify-between gap-2">
                  <Link href={letterHref(letter.id)} className="min-w-0 truncate font-medium text-slate-900 after:absolute after:inset-0 after:content-[''] focus-visible:underline focus-visible:outline-none">
                    {letterTitle(letter)}
                  </Link>
                  <LetterStatusBadge status={letter.status} />
                </div>
                <p className="mt-0.5 text-sm text-slate-700">
                  <ReasonLabel reason={letter.reason} />
                  {letter.errorDetails ? <span className="block truncate text-xs text-slate-500">{letter.errorDetails}</span> : null}
                </p>
                <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
                  <RelativeTime at={letter.failedAt} />
                  <span>
                    {letter.attempts} {letter.attempts === 1 ? "attempt" : "attempts"}
                  </span>
                  <span className="min-w-0 max-w-full truncate">
                    <Destination letter={letter} />
                  </span>
                </div>
                {canAct(letter) ? (
                  <div className="relative z-10 mt-2 flex gap-2">
                    <Button size="sm" icon={RotateCcw} onClick={() => onReprocess(letter)} aria-label={`Reprocess ${letterTitle(letter)} ${letter.id}`}>
                      Reprocess
                    </Button>
                    <Button size="sm" variant="ghost" icon={Trash2} onClick={() => onDiscard(letter)} aria-label={`Discard ${letterTitle(letter)} ${letter.id}`}>
                      Discard
                    </Button>
                  </div>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </ListBody>
  );
}
