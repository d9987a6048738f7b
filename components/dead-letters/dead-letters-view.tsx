"use client";

import { clsx } from "clsx";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Filter, Inbox, RotateCcw, SearchX, ShieldCheck, Trash2, X } from "lucide-react";
import { useCallback, useMemo, useState } from "react";
import type { RowSelectionState, Updater } from "@tanstack/react-table";
import { useBulkJob, useDeadLetters, useDiscardLetter, useDlqStats, useReprocessAction, type DlqStatsView, type LetterItem } from "@/components/api/dlq-hooks";
import { useEndpointOptions } from "@/components/api/endpoint-hooks";
import { formatCount } from "@/components/charts/format";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { LiveNote } from "@/components/ui/live-note";
import { ListState } from "@/components/ui/list-state";
import { LoadError } from "@/components/ui/load-error";
import { Pager } from "@/components/ui/pager";
import { Card } from "@/components/ui/card";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { Skeleton } from "@/components/ui/skeleton";
import { Stat } from "@/components/ui/stat";
import { useCursorPages, type UrlListCodec } from "@/components/ui/use-cursor-pages";
import { BulkDiscardDialog } from "./bulk-discard-dialog";
import { BulkReprocessDialog } from "./bulk-reprocess-dialog";
import { filtersFromSearch, filtersToSearch, hasFilters, isReason, pageStateFromSearch, toBulkFilter, DEFAULT_FILTERS, type BulkSelection, type LetterFilters } from "@/components/api/letter-filters";
import { JobProgressPanel } from "./job-progress";
import { LetterFiltersBar } from "./letter-filters-bar";
import { LettersTable } from "./letters-table";
import { ReasonChart } from "./reason-chart";
import { describeFilterScope, jobProgress, pruneSelection, reasonBars, reasonMeta } from "./shape";

interface BulkIntent {
  selection: BulkSelection;
  scope: string;
}

/** The list's URL codec; paging and filtering keep the bulk job being watched in the URL. */
function urlCodec(jobId: string | null): UrlListCodec<LetterFilters> {
  return {
    filtersFromSearch,
    cursorFromSearch: (params) => pageStateFromSearch(params).cursor,
    filtersToSearch: (filters, cursor = null) => filtersToSearch(filters, { cursor, job: jobId }),
  };
}

export function DeadLettersView() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const jobId = pageStateFromSearch(params).job;
  const pages = useCursorPages(useMemo(() => urlCodec(jobId), [jobId]));
  const { filters, cursor } = pages;
  const [picked, setSelection] = useState<RowSelectionState>({});
  const [reprocessIntent, setReprocessIntent] = useState<BulkIntent | null>(null);
  const [discardIntent, setDiscardIntent] = useState<BulkIntent | null>(null);
  const [discardOne, setDiscardOne] = useState<LetterItem | null>(null);

  const job = useBulkJob(jobId);
  const jobActive = job.data ? jobProgress(job.data).active : jobId !== null;
  const list = useDeadLetters({ ...filters, cursor }, jobActive);
  const rows = useMemo(() => list.data?.data ?? [], [list.data]);
  const settling = rows.some((r) => r.status === "reprocessing");
  const stats = useDlqStats(filters, jobActive || settling);
  const endpoints = useEndpointOptions();
  const { reprocess } = useReprocessAction();
  const discard = useDiscardLetter();

  const { setFilters: setListFilters, goOlder: listOlder, goNewer: listNewer } = pages;
  const setFilters = useCallback(
    (next: LetterFilters) => {
      setSelection({});
      setListFilters(next);
    },
    [setListFilters],
  );

  /** Shows (or, with null, closes) a bulk job's progress above the list, on the same page of it. */
  function watchJob(job: string | null, scroll = false) {
    router.replace(`${pathname}${filtersToSearch(filters, { cursor, job })}`, { scroll });
  }

  // A selected letter that left the page or stopped being pending (reprocessed elsewhere, a job) drops out of the selection.
  const selection = useMemo(() => pruneSelection(picked, rows.filter((r) => r.status === "pending").map((r) => r.id)), [picked, rows]);

  const onSelectionChange = useCallback((updater: Updater<RowSelectionState>) => setSelection(typeof updater === "function" ? updater(selection) : updater), [selection]);
  const onReprocess = useCallback((letter: LetterItem) => reprocess(letter.id), [reprocess]);
  const onDiscard = useCallback((letter: LetterItem) => setDiscardOne(letter), []);

  const selectedIds = Object.keys(selection);
  const endpointUrl = endpoints.data?.find((e) => e.id === filters.endpointId)?.url ?? null;
  const bulkFilter = toBulkFilter(filters);
  const filterScope = describeFilterScope(bulkFilter, endpointUrl);
  const selectedScope = selectedIds.length === 1 ? "the selected letter" : `the ${formatCount(selectedIds.length)} selected letters`;

  function goOlder(next: string) {
    setSelection({});
    listOlder(next);
  }

  function goNewer() {
    setSelection({});
    listNewer();
  }

  function jobStarted(id: string) {
    setReprocessIntent(null);
    setSelection({});
    // To the top, where the progress panel appears.
    watchJob(id, true);
  }

  const page = list.data;
  const totals = stats.data?.totals;
  const nothingEver = totals?.total === 0 && filters.endpointId === null;

  return (
    <>
      <PageHeader
        title="Dead letters"
        description="Deliveries and inbound events that failed for good. Fix the cause, then reprocess them one by one or in bulk, or discard them."
        actions={jobActive || settling ? <LiveNote>{jobActive ? "Live · bulk reprocess running" : "Live · letters reprocessing"}</LiveNote> : null}
      />
      <div className="flex flex-col gap-6">
        {jobId ? <JobProgressPanel jobId={jobId} onDismiss={() => watchJob(null)} /> : null}

        <StatsRow stats={stats.data} error={stats.isError && !stats.data ? stats.error : null} onRetry={() => void stats.refetch()} />

        {!nothingEver ? (
          <div className="grid gap-6 lg:grid-cols-5">
            <Card
              className="lg:col-span-3"
              title="Letters by failure reason"
              description={filters.endpointId ? `Letters to ${endpointUrl ?? "the chosen endpoint"}. Click a reason to list its letters.` : "Every letter, and the ones still pending. Click a reason to list its letters."}
            >
              {stats.data ? (
                <ReasonChart bars={reasonBars(stats.data.byReason)} onSelect={(reason) => isReason(reason) && setFilters({ ...filters, reason })} />
              ) : (
                <Skeleton className="h-60" />
              )}
            </Card>
            <ReasonsCard stats={stats.data} filters={filters} onFilter={setFilters} />
          </div>
        ) : null}

        {nothingEver && page && rows.length === 0 ? (
          <EmptyState icon={Inbox} title="The dead letter queue is empty">
            <p>Nothing has failed for good. A delivery lands here when its retry policy gives up, and an inbound event when its handler refuses it.</p>
          </EmptyState>
        ) : (
          <section aria-label="Dead letters" className="min-w-0 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
            <div className="border-b border-slate-100 px-4 py-4 sm:px-5">
              <LetterFiltersBar filters={filters} onChange={setFilters} />
            </div>
            <BulkBar
              selected={selectedIds.length}
              onReprocessSelected={() => setReprocessIntent({ selection: { ids: selectedIds }, scope: selectedScope })}
              onDiscardSelected={() => setDiscardIntent({ selection: { ids: selectedIds }, scope: selectedScope })}
              onClearSelection={() => setSelection({})}
              onReprocessFiltered={() => setReprocessIntent({ selection: { filter: bulkFilter }, scope: filterScope })}
              onDiscardFiltered={() => setDiscardIntent({ selection: { filter: bulkFilter }, scope: filterScope })}
              filterScope={filterScope}
              jobActive={jobActive}
            />

            <ListState
              query={list}
              cursor={cursor}
              what="Dead letters"
              onNewest={pages.goNewest}
              newestLabel="Go to the latest"
              skeleton={{ bare: true }}
              padding="p-4"
              empty={<EmptyList filters={filters} totals={totals} onReset={() => setFilters(DEFAULT_FILTERS)} onShowAll={() => setFilters({ ...filters, status: "all" })} />}
            >
              {(page) => (
                <>
                  <LettersTable rows={page.data} busy={list.isPlaceholderData} selection={selection} onSelectionChange={onSelectionChange} onReprocess={onReprocess} onDiscard={onDiscard} />
                  <Pager
                    pages={{ ...pages, goNewer, goOlder }}
                    nextCursor={page.nextCursor}
                    count={page.data.length}
                    noun={{ one: "letter", many: "letters" }}
                    order="latest failure first"
                    loading={list.isFetching && list.isPlaceholderData}
                  />
                </>
              )}
            </ListState>
          </section>
        )}
      </div>

      <BulkReprocessDialog selection={reprocessIntent?.selection ?? null} scope={reprocessIntent?.scope ?? ""} onStarted={jobStarted} onClose={() => setReprocessIntent(null)} />
      <BulkDiscardDialog
        selection={discardIntent?.selection ?? null}
        scope={discardIntent?.scope ?? ""}
        onClose={() => setDiscardIntent(null)}
        onDone={() => {
          setDiscardIntent(null);
          setSelection({});
        }}
      />
      <ConfirmModal
        open={discardOne !== null}
        title="Discard this letter?"
        confirmLabel="Discard"
        busy={discard.isPending}
        onCancel={() => setDiscardOne(null)}
        onConfirm={() => discardOne && discard.mutate(discardOne.id, { onSettled: () => setDiscardOne(null) })}
      >
        <p>
          <span className="font-medium text-slate-900">{discardOne?.eventType ?? "The event"}</span>
          {discardOne?.url ? <> to <span className="break-all font-mono text-xs">{discardOne.url}</span></> : null} will not be sent. The letter stays on record but can no longer be
          reprocessed.
        </p>
      </ConfirmModal>
    </>
  );
}

function StatsRow({ stats, error, onRetry }: { stats: DlqStatsView | undefined; error: Error | null; onRetry: () => void }) {
  if (error) return <LoadError title="The dead letter counts could not be loaded" error={error} onRetry={onRetry} />;
  const t = stats?.totals;
  const value = (n: number | undefined) => (n === undefined ? <Skeleton className="mt-1 h-7 w-12" /> : formatCount(n));
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      <Stat label="Pending" value={value(t?.pending)} tone={t && t.pending > 0 ? "warning" : "neutral"} detail="Need a decision" />
      <Stat label="Reprocessing" value={value(t?.reprocessing)} detail="Being sent again" />
      <Stat label="Reprocessed" value={value(t?.reprocessed)} tone={t && t.reprocessed > 0 ? "success" : "neutral"} detail="Sent again successfully" />
      <Stat label="Discarded" value={value(t?.discarded)} detail="Closed without sending" />
    </div>
  );
}

/** The reasons in words, each a keyboard-reachable filter for the list below (the chart's bars are for the mouse). */
function ReasonsCard({ stats, filters, onFilter }: { stats: DlqStatsView | undefined; filters: LetterFilters; onFilter: (next: LetterFilters) => void }) {
  const bars = stats ? reasonBars(stats.byReason) : null;
  return (
    <Card className="lg:col-span-2" title="Failure reasons" description="What each means; choose one to list its letters.">
      {bars === null ? (
        <div className="flex flex-col gap-2">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-12" />
          ))}
        </div>
      ) : (
        <ul className="-mx-3 -my-1 flex flex-col">
          {bars.map((b) => {
            const on = filters.reason === b.reason;
            return (
              <li key={b.reason}>
                <button
                  type="button"
                  aria-pressed={on}
                  onClick={() => onFilter({ ...filters, reason: on ? null : isReason(b.reason) ? b.reason : null })}
                  className={clsx(
                    "flex w-full items-start gap-3 rounded-lg px-3 py-2.5 text-left transition-colors",
                    "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500",
                    on ? "bg-brand-50" : "hover:bg-slate-50",
                  )}
                >
                  <span className="min-w-0 flex-1">
                    <span className={clsx("flex items-center gap-1.5 text-sm font-medium", on ? "text-brand-700" : "text-slate-900")}>
                      {on ? <Filter className="h-3.5 w-3.5" aria-hidden /> : null}
                      {b.label}
                    </span>
                    <span className="mt-0.5 block text-xs text-slate-500">{reasonMeta(b.reason).description}</span>
                  </span>
                  <span className="shrink-0 text-right">
                    <span className={clsx("block whitespace-nowrap text-sm font-semibold tabular-nums", b.pending > 0 ? "text-amber-700" : "text-slate-500")}>
                      {formatCount(b.pending)} pending
                    </span>
                    <span className="block whitespace-nowrap text-[11px] tabular-nums text-slate-500">{formatCount(b.total)} in all</span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

interface BulkBarProps {
  selected: number;
  onReprocessSelected: () => void;
  onDiscardSelected: () => void;
  onClearSelection: () => void;
  onReprocessFiltered: () => void;
  onDiscardFiltered: () => void;
  filterScope: string;
  jobActive: boolean;
}

function BulkBar({ selected, onReprocessSelected, onDiscardSelected, onClearSelection, onReprocessFiltered, onDiscardFiltered, filterScope, jobActive }: BulkBarProps) {
  return (
    <div role="toolbar" aria-label="Bulk actions" className={clsx("flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b border-slate-100 px-4 py-2.5 sm:px-5", selected > 0 && "bg-brand-50/70")}>
      {selected > 0 ? (
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-sm font-medium text-brand-700" aria-live="polite">
            {formatCount(selected)} selected
          </span>
          <Button size="sm" variant="primary" icon={RotateCcw} onClick={onReprocessSelected}>
            Reprocess selected
          </Button>
          <Button size="sm" icon={Trash2} onClick={onDiscardSelected}>
            Discard selected
          </Button>
          <Button size="sm" variant="ghost" icon={X} onClick={onClearSelection}>
            Clear
          </Button>
        </div>
      ) : (
        <p className="min-w-0 text-xs text-slate-500">
          Select pending letters, or act on <span className="font-medium text-slate-700">{filterScope}</span>.
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button size="sm" icon={RotateCcw} onClick={onReprocessFiltered} title={jobActive ? "A bulk reprocess is already running; another one may overlap it" : undefined}>
          Reprocess filtered…
        </Button>
        <Button size="sm" variant="ghost" icon={Trash2} onClick={onDiscardFiltered}>
          Discard filtered…
        </Button>
      </div>
    </div>
  );
}

function EmptyList({ filters, totals, onReset, onShowAll }: { filters: LetterFilters; totals: DlqStatsView["totals"] | undefined; onReset: () => void; onShowAll: () => void }) {
  if (!hasFilters({ ...filters, status: DEFAULT_FILTERS.status }) && filters.status === "pending") {
    return (
      <EmptyState icon={ShieldCheck} title="Nothing pending">
        <p>
          Every dead letter has been reprocessed or discarded
          {totals ? ` (${formatCount(totals.total)} in all)` : ""}.
        </p>
        <Button className="mt-4" onClick={onShowAll}>
          Show all letters
        </Button>
      </EmptyState>
    );
  }
  return (
    <EmptyState icon={SearchX} title="No letters match these filters">
      <p>Try another status or reason, or reset the filters.</p>
      <div className="mt-4 flex justify-center gap-2">
        {filters.status !== "all" ? <Button onClick={onShowAll}>Any status</Button> : null}
        <Button variant="ghost" onClick={onReset}>
          Reset filters
        </Button>
      </div>
    </EmptyState>
  );
}
