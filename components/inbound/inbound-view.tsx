"use client";

import { Inbox, RefreshCw, SearchX } from "lucide-react";
import { useInboundEvents } from "@/components/api/inbound-hooks";
import { ApiError } from "@/components/api/fetcher";
import { EmptyState } from "@/components/layout/empty-state";
import { PageHeader } from "@/components/layout/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Pager } from "@/components/ui/pager";
import { useCursorPages, type UrlListCodec } from "@/components/ui/use-cursor-pages";
import { Skeleton } from "@/components/ui/skeleton";
import { hasInboundFilters, inboundCursorFromSearch, inboundFiltersFromSearch, inboundFiltersToSearch, NO_INBOUND_FILTERS, type InboundFilters } from "./filters";
import { InboundFiltersBar } from "./inbound-filters-bar";
import { InboundTable } from "./inbound-table";
import { SourcesCard } from "./sources-card";

const URL_CODEC: UrlListCodec<InboundFilters> = { filtersFromSearch: inboundFiltersFromSearch, cursorFromSearch: inboundCursorFromSearch, filtersToSearch: inboundFiltersToSearch };

export function InboundView() {
  const { filters, cursor, setFilters, pageNo, goOlder, goNewer, goNewest } = useCursorPages(URL_CODEC);
  const query = useInboundEvents({ ...filters, cursor });

  const page = query.data;
  const rows = page?.data ?? [];
  const processing = rows.some((r) => r.status === "processing");
  // A cursor names an event; one expired since the link was made answers 400.
  const staleCursor = cursor !== null && query.error instanceof ApiError && query.error.status === 400;

  return (
    <>
      <PageHeader
        title="Inbound"
        description="Events providers posted to Hookrelay, each accepted exactly once: duplicates are answered from the stored result."
        actions={
          <p className="flex items-center gap-2 text-xs text-slate-500">
            <span className="relative flex h-2 w-2" aria-hidden>
              {processing ? <span className="absolute inline-flex h-full w-full animate-ping rounded-full bg-emerald-400 opacity-60" /> : null}
              <span className="relative inline-flex h-2 w-2 rounded-full bg-emerald-500" />
            </span>
            {processing ? "Live · events processing" : "Live · refreshes every 5 s"}
          </p>
        }
      />
      <div className="flex flex-col gap-6">
        <InboundFiltersBar filters={filters} onChange={setFilters} />

        {query.isError && page ? (
          <Alert tone="warning" title="Showing the last list received">
            Refreshing failed: {query.error.message}
          </Alert>
        ) : null}

        {!page && query.isError ? (
          <Alert tone="error" title={staleCursor ? "This page of results is no longer available" : "Inbound events could not be loaded"}>
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
          <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-busy="true" aria-label="Loading inbound events">
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} className="mb-3 h-9 w-full last:mb-0" />
            ))}
          </div>
        ) : rows.length === 0 ? (
          hasInboundFilters(filters) || cursor !== null ? (
            <EmptyState icon={SearchX} title="No events match these filters">
              <p>Event types match exactly; try another status or source.</p>
              <Button className="mt-4" onClick={() => setFilters(NO_INBOUND_FILTERS)}>
                Clear filters
              </Button>
            </EmptyState>
          ) : (
            <EmptyState icon={Inbox} title="No events received yet">
              <p>
                Providers post to <code className="font-mono text-xs">/api/webhook</code> or <code className="font-mono text-xs">{"/api/webhook/{source}"}</code>. Each event is
                kept for its source&apos;s idempotency window, so a retry from the provider is recognised and answered from the stored result.
              </p>
            </EmptyState>
          )
        ) : (
          <section aria-label="Inbound events" className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
            <InboundTable rows={rows} busy={query.isPlaceholderData} />
            <Pager
              pageNo={pageNo}
              cursor={cursor}
              nextCursor={page.nextCursor}
              count={rows.length}
              noun={{ one: "event", many: "events" }}
              order="newest first"
              loading={query.isFetching && query.isPlaceholderData}
              onNewer={goNewer}
              onOlder={goOlder}
            />
          </section>
        )}

        <SourcesCard />
      </div>
    </>
  );
}
