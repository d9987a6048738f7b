"use client";

import Link from "next/link";
import { RefreshCw, SearchX, Send } from "lucide-react";
import { useDeliveries } from "@/components/api/delivery-hooks";
import { ApiError } from "@/components/api/fetcher";
import { EmptyState } from "@/components/layout/empty-state";
import { PageHeader } from "@/components/layout/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Pager } from "@/components/ui/pager";
import { useCursorPages, type UrlListCodec } from "@/components/ui/use-cursor-pages";
import { Skeleton } from "@/components/ui/skeleton";
import { DeliveriesTable } from "./deliveries-table";
import { cursorFromSearch, filtersFromSearch, filtersToSearch, hasFilters, isLive, NO_FILTERS, type DeliveryFilters } from "./filters";
import { FiltersBar } from "./filters-bar";

const URL_CODEC: UrlListCodec<DeliveryFilters> = { filtersFromSearch, cursorFromSearch, filtersToSearch };

export function DeliveriesView() {
  const { filters, cursor, setFilters, pageNo, goOlder, goNewer, goNewest } = useCursorPages(URL_CODEC);
  const query = useDeliveries({ ...filters, cursor });

  const page = query.data;
  const rows = page?.data ?? [];
  const live = rows.some((r) => isLive(r.status));
  const filtered = hasFilters(filters);
  // A cursor names a delivery; one deleted since the link was made answers 400.
  const staleCursor = cursor !== null && query.error instanceof ApiError && query.error.status === 400;

  return (
    <>
      <PageHeader
        title="Deliveries"
        description="Every message sent to an endpoint, with the timeline of its attempts."
        actions={
          live ? (
            <p className="flex items-center gap-2 text-xs text-slate-500">
              <span className="relative flex h-2 w-2" aria-hidden>
                <span className="absolute inline-flex h-full w-full animate-ping rounded-full bg-emerald-400 opacity-60" />
                <span className="relative inline-flex h-2 w-2 rounded-full bg-emerald-500" />
              </span>
              Live · deliveries in progress
            </p>
          ) : null
        }
      />
      <div className="flex flex-col gap-4">
        <FiltersBar filters={filters} onChange={setFilters} />

        {query.isError && page ? (
          <Alert tone="warning" title="Showing the last list received">
            Refreshing failed: {query.error.message}
          </Alert>
        ) : null}

        {!page && query.isError ? (
          <Alert tone="error" title={staleCursor ? "This page of results is no longer available" : "Deliveries could not be loaded"}>
            <p>{query.error.message}</p>
            <div className="mt-2 flex gap-2">
              <Button size="sm" icon={RefreshCw} onClick={() => void query.refetch()}>
                Try again
              </Button>
              {cursor !== null ? (
                <Button size="sm" variant="ghost" onClick={goNewest}>
                  Go to the newest
                </Button>
              ) : null}
            </div>
          </Alert>
        ) : !page ? (
          <TableSkeleton />
        ) : rows.length === 0 ? (
          filtered || cursor !== null ? (
            <EmptyState icon={SearchX} title="No deliveries match these filters">
              <p>Try another status or a longer time range.</p>
              <Button className="mt-4" onClick={() => setFilters(NO_FILTERS)}>
                Clear filters
              </Button>
            </EmptyState>
          ) : (
            <EmptyState icon={Send} title="No deliveries yet">
              <p>
                A delivery is made for every message an enabled endpoint subscribes to. Add an endpoint on{" "}
                <Link href="/endpoints" className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  Endpoints
                </Link>
                , then send an event: the{" "}
                <Link href="/" className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  Overview
                </Link>{" "}
                has a curl command to paste.
              </p>
            </EmptyState>
          )
        ) : (
          <section aria-label="Deliveries" className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
            <DeliveriesTable rows={rows} busy={query.isPlaceholderData} />
            <Pager
              pageNo={pageNo}
              cursor={cursor}
              nextCursor={page.nextCursor}
              count={rows.length}
              noun={{ one: "delivery", many: "deliveries" }}
              order="newest first"
              loading={query.isFetching && query.isPlaceholderData}
              onNewer={goNewer}
              onOlder={goOlder}
            />
          </section>
        )}
      </div>
    </>
  );
}

function TableSkeleton() {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-busy="true" aria-label="Loading deliveries">
      <Skeleton className="mb-4 h-4 w-1/3" />
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} className="mb-3 h-8 w-full last:mb-0" />
      ))}
    </div>
  );
}
