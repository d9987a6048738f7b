import type { ReactNode } from "react";
import { Card } from "./card";

/** A detail page's summary: labels and values in two columns, in a card of their own. */
export function SummaryCard({ title = "Summary", children }: { title?: string; children: ReactNode }) {
  return (
    <Card title={title}>
      <SummaryList>{children}</SummaryList>
    </Card>
  );
}

/** Labels and values in two columns. */
export function SummaryList({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">{children}</dl>;
}

export function SummaryRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 text-slate-800">{children}</dd>
    </>
  );
}
