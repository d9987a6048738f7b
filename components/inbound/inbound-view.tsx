"use client";

import { Inbox, SearchX } from "lucide-react";
import { useInboundEvents } from "@/components/api/inbound-hooks";
import { ApiError } from "@/components/api/fetcher";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { LiveNote } from "@/components/ui/live-note";
import { LoadError, RefreshFailed } from "@/components/ui/load-error";
import { Pager } from "@/components/ui/pager";
import { useCursorPages, type UrlListCodec } from "@/components/ui/use-cursor-pages";
import { ListSkeleton } from "@/components/ui/skeleton";
import { hasInboundFilters, inboundCursorFromSearch, inboundFiltersFromSearch, inboundFiltersToSearch, NO_INBOUND_FILTERS, type InboundFilters } from "@/components/api/inbound-filters";
import { InboundFiltersBar } from "./inbound-filters-bar";
import { InboundTable } from "./inbound-table";
import { SourcesCard } from "./sources-card";

const URL_CODEC: UrlListCodec<InboundFilters> = { filtersFromSearch: inboundFiltersFromSearch, cursorFromSearch: inboundCursorFromSearch, filtersToSearch: inboundFiltersToSearch };

export function InboundView() {
  const pages = useCursorPages(URL_CODEC);
  const { filters, cursor, setFilters, goNewest } = pages;
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
        actions={<LiveNote pulse={processing}>{processing ? "Live · events processing" : "Live · refreshes every 5 s"}</LiveNote>}
      />
      <div className="flex flex-col gap-6">
        <InboundFiltersBar filters={filters} onChange={setFilters} />

        {query.isError && page ? <RefreshFailed what="list" error={query.error} /> : null}

        {!page && query.isError ? (
          <LoadError title={staleCursor ? "This page of results is no longer available" : "Inbound events could not be loaded"} error={query.error} onRetry={() => void query.refetch()}>
            {cursor !== null ? (
              <Button size="sm" variant="ghost" onClick={goNewest}>
                Go to the newest
              </Button>
            ) : null}
          </LoadError>
        ) : !page ? (
          <ListSkeleton label="Loading inbound events" />
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
            <Pager pages={pages} nextCursor={page.nextCursor} count={rows.length} noun={{ one: "event", many: "events" }} order="newest first" loading={query.isFetching && query.isPlaceholderData} />
          </section>
        )}

        <SourcesCard />
      </div>
    </>
  );
}
