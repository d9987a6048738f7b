"use client";

import { SearchX, Send } from "lucide-react";
import { useDeliveries } from "@/components/api/delivery-hooks";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { LiveNote } from "@/components/ui/live-note";
import { ListState } from "@/components/ui/list-state";
import { Pager } from "@/components/ui/pager";
import { TextLink } from "@/components/ui/text-link";
import { useCursorPages, type UrlListCodec } from "@/components/ui/use-cursor-pages";
import { DeliveriesTable } from "./deliveries-table";
import { cursorFromSearch, filtersFromSearch, filtersToSearch, hasFilters, isLive, NO_FILTERS, type DeliveryFilters } from "@/components/api/delivery-filters";
import { FiltersBar } from "./filters-bar";

const URL_CODEC: UrlListCodec<DeliveryFilters> = { filtersFromSearch, cursorFromSearch, filtersToSearch };

export function DeliveriesView() {
  const pages = useCursorPages(URL_CODEC);
  const { filters, cursor, setFilters, goNewest } = pages;
  const query = useDeliveries({ ...filters, cursor });

  const live = (query.data?.data ?? []).some((r) => isLive(r.status));
  const filtered = hasFilters(filters);

  return (
    <>
      <PageHeader
        title="Deliveries"
        description="Every message sent to an endpoint, with the timeline of its attempts."
        actions={live ? <LiveNote>Live · deliveries in progress</LiveNote> : null}
      />
      <div className="flex flex-col gap-4">
        <FiltersBar filters={filters} onChange={setFilters} />

        <ListState
          query={query}
          cursor={cursor}
          what="Deliveries"
          onNewest={goNewest}
          skeleton={{ rows: 8 }}
          empty={
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
                  <TextLink href="/endpoints">Endpoints</TextLink>
                  , then send an event: the{" "}
                  <TextLink href="/">Overview</TextLink>{" "}
                  has a curl command to paste.
                </p>
              </EmptyState>
            )
          }
        >
          {(page) => (
            <section aria-label="Deliveries" className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
              <DeliveriesTable rows={page.data} busy={query.isPlaceholderData} />
              <Pager pages={pages} nextCursor={page.nextCursor} count={page.data.length} noun={{ one: "delivery", many: "deliveries" }} order="newest first" loading={query.isFetching && query.isPlaceholderData} />
            </section>
          )}
        </ListState>
      </div>
    </>
  );
}
