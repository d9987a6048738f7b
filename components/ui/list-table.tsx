"use client";

import { clsx } from "clsx";
import { ChevronRight } from "lucide-react";
import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";
import type { ReactTable, Row, RowData, TableFeatures } from "@tanstack/react-table";
import { Table, Td, Th } from "./table";

export interface ListTableProps<TFeatures extends TableFeatures, TData extends RowData, TSelected> {
  table: ReactTable<TFeatures, TData, TSelected>;
  caption: string;
  /** Width classes by column id; the fixed layout they allow is what lets long URLs and types truncate. */
  widths: Readonly<Record<string, string>>;
  /** Column ids whose values are numbers, set flush right. */
  numeric?: ReadonlySet<string>;
  /** Extra attributes of a row (a selected row's tint, a data id). */
  rowProps?: (row: Row<TFeatures, TData>) => ComponentProps<"tr"> & { [data: `data-${string}`]: string };
}

/**
 * The desktop table of a list whose rows open a page. One cell of each row holds the row's
 * link, drawn over the whole row by its ::after, so a click anywhere opens it while the
 * keyboard meets one link per row; the row shows the link's focus ring.
 */
export function ListTable<TFeatures extends TableFeatures, TData extends RowData, TSelected>({ table, caption, widths, numeric, rowProps }: ListTableProps<TFeatures, TData, TSelected>) {
  const align = (columnId: string) => (numeric?.has(columnId) ? "right" : "left");
  return (
    <Table caption={caption} className="hidden md:block [&>table]:table-fixed">
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => (
              <Th key={header.id} align={align(header.column.id)} className={clsx("first:pl-4! last:pr-4!", widths[header.column.id])}>
                <table.FlexRender header={header} />
              </Th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => {
          const { className, ...props } = rowProps?.(row) ?? {};
          return (
            <tr
              key={row.id}
              {...props}
              className={clsx(
                "relative transition-colors hover:bg-slate-50 has-[a:focus-visible]:outline-2 has-[a:focus-visible]:-outline-offset-2 has-[a:focus-visible]:outline-brand-500",
                className,
              )}
            >
              {row.getAllCells().map((cell) => (
                <Td key={cell.id} align={align(cell.column.id)} className="overflow-hidden py-2.5 first:pl-4! last:pr-4!">
                  <table.FlexRender cell={cell} />
                </Td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

/** A list's rows, dimmed while the next page or filter loads in their place. */
export function ListBody({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <div className={clsx("transition-opacity", busy && "opacity-60")} aria-busy={busy || undefined}>
      {children}
    </div>
  );
}

/** A list's rows as cards on phones, where the table's columns do not fit. */
export function ListCards({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ul className="divide-y divide-slate-100 md:hidden" aria-label={label}>
      {children}
    </ul>
  );
}

/** One card of ListCards, all of it the link to the row's page. */
export function ListCard({ href, children }: { href: string; children: ReactNode }) {
  return (
    <li>
      <Link
        href={href}
        className="flex items-start gap-3 px-4 py-3 hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand-500"
      >
        <div className="min-w-0 flex-1">{children}</div>
        <ChevronRight className="mt-1 h-4 w-4 shrink-0 text-slate-400" aria-hidden />
      </Link>
    </li>
  );
}
