"use client";

import { Search } from "lucide-react";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { hitHref, useSearch, type SearchHit } from "@/components/api/search-hooks";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { LoadError } from "@/components/ui/load-error";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";

const KIND_LABELS: Record<SearchHit["kind"], string> = {
  delivery: "Delivery",
  inbound_event: "Inbound event",
  dead_letter: "Dead letter",
  endpoint: "Endpoint",
};

function HitRow({ hit }: { hit: SearchHit }) {
  return (
    <li>
      <Link href={hitHref(hit)} className="flex flex-col gap-1 rounded-lg border border-slate-200 bg-white px-4 py-3 hover:border-brand-500 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
        <span className="flex flex-wrap items-center gap-2">
          <Badge tone="info">{KIND_LABELS[hit.kind]}</Badge>
          <span className="break-all font-mono text-sm font-medium text-slate-900">{hit.title}</span>
        </span>
        <span className="break-all text-sm text-slate-600">{hit.subtitle}</span>
        <span className="text-xs text-slate-500">
          Matched by {hit.matched} · <RelativeTime at={hit.at} />
        </span>
      </Link>
    </li>
  );
}

/** Results for `?q=`; an id that names exactly one record opens that record's page. */
export function SearchView() {
  const router = useRouter();
  const q = useSearchParams().get("q")?.trim() ?? "";
  const result = useSearch(q);
  const exact = result.data?.exact;

  useEffect(() => {
    if (exact) router.replace(hitHref(exact));
  }, [exact, router]);

  return (
    <>
      <PageHeader title="Search" description={q ? <>Results for <span className="break-all font-mono">{q}</span></> : "Search from the box in the navigation."} />
      {!q ? (
        <EmptyState icon={Search} title="Nothing searched yet">
          Paste a delivery, message, dead letter or endpoint id, or a provider&apos;s event id (Stripe&apos;s <code>evt_…</code>, GitHub&apos;s delivery id); type an
          event type prefix such as <code>order.*</code>; a payload member and its value such as <code>data.object.customer=cus_9</code>; or words and ids to
          find them inside payloads.
        </EmptyState>
      ) : result.isPending || exact ? (
        <Skeleton className="h-40 rounded-xl" />
      ) : result.isError ? (
        <LoadError title="The search failed" error={result.error} onRetry={() => void result.refetch()} />
      ) : result.data.data.length === 0 ? (
        <EmptyState icon={Search} title="Nothing found">
          No id, event id, event type or payload matches <span className="break-all font-mono">{q}</span>. Payloads are searched for whole words and ids as
          written: <code>ann@example.com</code> finds it, <code>nn@exam</code> does not.
        </EmptyState>
      ) : (
        <ul className="flex flex-col gap-2" aria-label="Search results">
          {result.data.data.map((hit) => (
            <HitRow key={`${hit.kind}:${hit.id}:${hit.matched}`} hit={hit} />
          ))}
        </ul>
      )}
    </>
  );
}
