"use client";

import { Inbox, SearchX } from "lucide-react";
import { useInboundEvents } from "@/components/api/inbound-hooks";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { LiveNote } from "@/components/ui/live-note";
import { ListState } from "@/components/ui/list-state";
import { Pager } from "@/components/ui/pager";
import { useCursorPages, type UrlListCodec } from "@/components/ui/use-cursor-pages";
import { hasInboundFilters, inboundCursorFromSearch, inboundFiltersFromSearch, inboundFiltersToSearch, NO_INBOUND_FILTERS, type InboundFilters } from "@/components/api/inbound-filters";
import { InboundFiltersBar } from "./inbound-filters-bar";
import { InboundTable } from "./inbound-table";
import { SourcesCard } from "./sources-card";

const URL_CODEC: UrlListCodec<InboundFilters> = { filtersFromSearch: inboundFiltersFromSearch, cursorFromSearch: inboundCursorFromSearch, filtersToSearch: inboundFiltersToSearch };

export function InboundView() {
  const pages = useCursorPages(URL_CODEC);
  const { filters, cursor, setFilters, goNewest } = pages;
  const query = useInboundEvents({ ...filters, cursor });

  const processing = (query.data?.data ?? []).some((r) => r.status === "processing");

  return (
    <>
      <PageHeader
        title="Inbound"
        description="Events providers posted to Hookrelay, each accepted exactly once: duplicates are answered from the stored result."
        actions={<LiveNote pulse={processing}>{processing ? "Live · events processing" : "Live · refreshes every 5 s"}</LiveNote>}
      />
      <div className="flex flex-col gap-6">
        <InboundFiltersBar filters={filters} onChange={setFilters} />

        <ListState
          query={query}
          cursor={cursor}
          what="Inbound events"
          onNewest={goNewest}
          empty={
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
          }
        >
          {(page) => (
            <section aria-label="Inbound events" className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
              <InboundTable rows={page.data} busy={query.isPlaceholderData} />
              <Pager pages={pages} nextCursor={page.nextCursor} count={page.data.length} noun={{ one: "event", many: "events" }} order="newest first" loading={query.isFetching && query.isPlaceholderData} />
            </section>
          )}
        </ListState>

        <SourcesCard />
      </div>
    </>
  );
}
