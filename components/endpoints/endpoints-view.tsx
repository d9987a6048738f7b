"use client";

import {
  createColumnHelper,
  createSortedRowModel,
  functionalUpdate,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
  type SortingState,
} from "@tanstack/react-table";
import { clsx } from "clsx";
import { ArrowDown, ArrowUp, ArrowUpDown, Plus, Search, Waypoints, X } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useEndpoints, type Endpoint } from "@/components/api/endpoint-hooks";
import { endpointHref } from "@/components/api/hrefs";
import { usePolicies } from "@/components/api/policy-hooks";
import { EmptyState } from "@/components/ui/empty-state";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { RelativeTime } from "@/components/ui/relative-time";
import { LinkButton } from "@/components/ui/link-button";
import { LoadError } from "@/components/ui/load-error";
import { Select } from "@/components/ui/select";
import { ListSkeleton } from "@/components/ui/skeleton";
import { Table, Td, Th } from "@/components/ui/table";
import { EventTypeChips } from "./event-type-chips";
import { EndpointStatusBadge } from "./status-badge";
import { ENDPOINT_STATUSES, STATUS_LABELS, STATUS_RANK, endpointStatus, type EndpointStatus } from "./status";
import { FOLLOWS_DEFAULT, filtersToQuery, hasNarrowingFilters, parseFilters, type EndpointFilters, type SortColumn, type StatusFilter } from "./url-state";

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
});

const helper = createColumnHelper<typeof features, Endpoint>();

function limitsText(endpoint: Endpoint): string | null {
  const parts = [
    endpoint.rateLimitPerSecond === null ? null : `${endpoint.rateLimitPerSecond}/s`,
    endpoint.maxConcurrency === null ? null : `${endpoint.maxConcurrency} at once`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(" · ") : null;
}

function PolicyName({ endpoint }: { endpoint: Endpoint }) {
  return endpoint.policy ? <span className="text-slate-800">{endpoint.policy.name}</span> : <span className="text-slate-500">Default</span>;
}

function Created({ iso }: { iso: string }) {
  return <RelativeTime at={iso} className="text-slate-600" />;
}

/** Truncated in the table, where rows stay one line; wrapped in the narrow cards, where all of it fits. */
function EndpointLink({ endpoint, wrap = false }: { endpoint: Endpoint; wrap?: boolean }) {
  return (
    <Link
      href={endpointHref(endpoint.id)}
      className={clsx(
        "block font-mono text-[13px] font-medium text-slate-900 hover:text-brand-700 hover:underline focus-visible:rounded focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500",
        wrap ? "break-all" : "truncate",
      )}
      title={endpoint.url}
    >
      {endpoint.url}
    </Link>
  );
}

const columns = helper.columns([
  helper.accessor("url", {
    id: "url",
    header: "Endpoint",
    sortFn: "alphanumeric",
    cell: ({ row }) => (
      <div className="min-w-0 max-w-[15rem] xl:max-w-[18rem]">
        <EndpointLink endpoint={row.original} />
        {row.original.description ? <p className="truncate text-xs text-slate-500">{row.original.description}</p> : null}
      </div>
    ),
  }),
  helper.accessor("eventTypes", {
    id: "eventTypes",
    header: "Event types",
    enableSorting: false,
    cell: ({ row }) => <EventTypeChips types={row.original.eventTypes} max={2} className="w-52" />,
  }),
  helper.accessor((e) => STATUS_RANK[endpointStatus(e)], {
    id: "status",
    header: "Status",
    sortFn: "basic",
    cell: ({ row }) => <EndpointStatusBadge endpoint={row.original} />,
  }),
  helper.accessor((e) => e.policy?.name ?? "", {
    id: "policy",
    header: "Policy & limits",
    sortFn: "alphanumeric",
    cell: ({ row }) => (
      <div>
        <PolicyName endpoint={row.original} />
        <p className="text-xs text-slate-500">{limitsText(row.original) ?? "No rate limit"}</p>
      </div>
    ),
  }),
  helper.accessor("createdAt", {
    id: "created",
    header: "Created",
    sortFn: "basic",
    sortDescFirst: true,
    cell: ({ row }) => <Created iso={row.original.createdAt} />,
  }),
]);

const EMPTY: Endpoint[] = [];

function matches(endpoint: Endpoint, filters: EndpointFilters): boolean {
  if (filters.status !== "all" && endpointStatus(endpoint) !== filters.status) return false;
  if (filters.policy === FOLLOWS_DEFAULT ? endpoint.policyId !== null : filters.policy !== "" && endpoint.policyId !== filters.policy) return false;
  const q = filters.q.trim().toLowerCase();
  if (!q) return true;
  return [endpoint.url, endpoint.description ?? "", ...endpoint.eventTypes].some((text) => text.toLowerCase().includes(q));
}

/**
 * The filters, held in state so each keystroke builds on the last one at once (the router
 * updates the URL a moment later), and mirrored into the URL without adding history entries.
 * A URL changed from outside (back, forward, a link) replaces them; the URLs this hook wrote
 * itself are recognised and skipped, or a late one would undo the keystrokes after it.
 */
function useFilters(): [EndpointFilters, (next: Partial<EndpointFilters>) => void] {
  const router = useRouter();
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const [filters, setFilters] = useState(() => parseFilters(new URLSearchParams(query)));
  const written = useRef(new Set<string>());

  useEffect(() => {
    const pending = written.current;
    if (pending.has(query)) {
      // Ours: it and any older write the router skipped over are done with.
      for (const entry of pending) {
        pending.delete(entry);
        if (entry === query) break;
      }
      return;
    }
    setFilters(parseFilters(new URLSearchParams(query)));
  }, [query]);

  const update = (next: Partial<EndpointFilters>) => {
    const merged = { ...filters, ...next };
    const search = filtersToQuery(merged);
    setFilters(merged);
    if (search.slice(1) === query) return;
    written.current.add(search.slice(1));
    router.replace(`${pathname}${search}`, { scroll: false });
  };
  return [filters, update];
}

function StatusFilterBar({ value, counts, onChange }: { value: StatusFilter; counts: Record<StatusFilter, number>; onChange: (status: StatusFilter) => void }) {
  const options: StatusFilter[] = ["all", ...ENDPOINT_STATUSES];
  return (
    <div role="group" aria-label="Filter by status" className="grid grid-cols-4 rounded-lg border border-slate-200 bg-white p-1 shadow-sm sm:inline-flex">
      {options.map((option) => {
        const active = option === value;
        return (
          <button
            key={option}
            type="button"
            aria-pressed={active}
            onClick={() => onChange(option)}
            className={clsx(
              "inline-flex items-center justify-center gap-1.5 whitespace-nowrap rounded-md px-1 py-1 text-xs font-medium transition-colors sm:px-2.5 sm:text-sm",
              "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500",
              active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-50 hover:text-slate-900",
            )}
          >
            {option === "all" ? "All" : STATUS_LABELS[option as EndpointStatus]}
            <span className={clsx("rounded-full px-1.5 text-xs tabular-nums", active ? "bg-brand-100 text-brand-700" : "bg-slate-100 text-slate-600")}>{counts[option]}</span>
          </button>
        );
      })}
    </div>
  );
}

function SortButton({ label, sorted, onClick }: { label: string; sorted: false | "asc" | "desc"; onClick: () => void }) {
  const Icon = sorted === "asc" ? ArrowUp : sorted === "desc" ? ArrowDown : ArrowUpDown;
  return (
    <button
      type="button"
      onClick={onClick}
      className="-mx-1 inline-flex items-center gap-1 rounded px-1 uppercase tracking-wide hover:text-slate-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
    >
      {label}
      <Icon className={clsx("h-3.5 w-3.5", sorted ? "text-slate-700" : "text-slate-400")} aria-hidden />
    </button>
  );
}


function Toolbar({ children }: { children: ReactNode }) {
  return <div className="mb-4 flex flex-col gap-3 lg:flex-row lg:flex-wrap lg:items-center">{children}</div>;
}

export function EndpointsView() {
  const [filters, setFilters] = useFilters();
  const endpoints = useEndpoints();
  const policies = usePolicies();
  const all = endpoints.data ?? EMPTY;

  const counts = useMemo(() => {
    const base = all.filter((e) => matches(e, { ...filters, status: "all" }));
    const result: Record<StatusFilter, number> = { all: base.length, enabled: 0, failing: 0, disabled: 0 };
    for (const e of base) result[endpointStatus(e)] += 1;
    return result;
  }, [all, filters]);

  const rows = useMemo(() => all.filter((e) => matches(e, filters)), [all, filters]);
  const sorting = useMemo<SortingState>(() => [{ id: filters.sort.column, desc: filters.sort.desc }], [filters.sort]);

  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    state: { sorting },
    enableSortingRemoval: false,
    onSortingChange: (updater) => {
      const [next] = functionalUpdate(updater, sorting);
      if (next) setFilters({ sort: { column: next.id as SortColumn, desc: next.desc } });
    },
  });

  const narrowed = hasNarrowingFilters(filters);
  const clear = () => setFilters({ q: "", status: "all", policy: "" });

  if (endpoints.isPending) return <ListSkeleton label="Loading endpoints" rows={5} />;

  if (endpoints.isError) {
    return <LoadError title="The endpoints could not be loaded" error={endpoints.error} onRetry={() => void endpoints.refetch()} />;
  }

  if (all.length === 0) {
    return (
      <EmptyState icon={Waypoints} title="No endpoints yet">
        <p>An endpoint is a URL Hookrelay delivers messages to, signed, with retries on its policy.</p>
        <LinkButton href="/endpoints/new" variant="primary" icon={Plus} className="mt-4">
          New endpoint
        </LinkButton>
      </EmptyState>
    );
  }

  const sortedRows = table.getRowModel().rows;

  return (
    <>
      <Toolbar>
        <div className="relative lg:w-72">
          <Search className="pointer-events-none absolute left-3 top-1/2 h-4 w-4 -translate-y-1/2 text-slate-400" aria-hidden />
          <Input
            type="search"
            aria-label="Search endpoints"
            placeholder="Search endpoints"
            value={filters.q}
            onChange={(e) => setFilters({ q: e.target.value })}
            className="pl-9"
          />
        </div>
        <StatusFilterBar value={filters.status} counts={counts} onChange={(status) => setFilters({ status })} />
        <div className="lg:w-56">
          <Select aria-label="Filter by retry policy" value={filters.policy} onChange={(e) => setFilters({ policy: e.target.value })}>
            <option value="">All policies</option>
            <option value={FOLLOWS_DEFAULT}>Following the default</option>
            {policies.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </div>
        {narrowed ? (
          <Button variant="ghost" icon={X} onClick={clear} className="self-start lg:self-auto">
            Clear filters
          </Button>
        ) : null}
      </Toolbar>

      {rows.length === 0 ? (
        <EmptyState icon={Search} title="No endpoints match these filters">
          <Button onClick={clear} icon={X} className="mt-2">
            Clear filters
          </Button>
        </EmptyState>
      ) : (
        <>
          <div className="hidden rounded-xl border border-slate-200 bg-white px-5 py-2 shadow-sm md:block">
            <Table caption="Endpoints">
              <thead>
                {table.getHeaderGroups().map((group) => (
                  <tr key={group.id}>
                    {group.headers.map((header) => {
                      const sorted = header.column.getIsSorted();
                      const label = String(header.column.columnDef.header);
                      return (
                        <Th key={header.id} aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}>
                          {header.column.getCanSort() ? <SortButton label={label} sorted={sorted} onClick={() => header.column.toggleSorting()} /> : label}
                        </Th>
                      );
                    })}
                  </tr>
                ))}
              </thead>
              <tbody>
                {sortedRows.map((row) => (
                  <tr key={row.id} className="transition-colors hover:bg-slate-50/80">
                    {row.getAllCells().map((cell) => (
                      <Td key={cell.id} className="py-3 align-middle">
                        <table.FlexRender cell={cell} />
                      </Td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>

          <ul className="flex flex-col gap-3 md:hidden" aria-label="Endpoints">
            {sortedRows.map(({ original: endpoint }) => (
              <li key={endpoint.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
                <div className="flex items-start justify-between gap-3">
                  <div className="min-w-0">
                    <EndpointLink endpoint={endpoint} wrap />
                    {endpoint.description ? <p className="text-xs text-slate-500">{endpoint.description}</p> : null}
                  </div>
                  <EndpointStatusBadge endpoint={endpoint} />
                </div>
                <EventTypeChips types={endpoint.eventTypes} className="mt-3" />
                <dl className="mt-3 grid grid-cols-3 gap-2 text-xs">
                  <div>
                    <dt className="text-slate-500">Policy</dt>
                    <dd className="truncate">
                      <PolicyName endpoint={endpoint} />
                    </dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">Rate limit</dt>
                    <dd className="truncate text-slate-800">{limitsText(endpoint) ?? "No limit"}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">Created</dt>
                    <dd className="truncate">
                      <Created iso={endpoint.createdAt} />
                    </dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="mt-3 flex items-center gap-2 text-xs text-slate-500">
        <span>
          {rows.length === all.length ? `${all.length} endpoint${all.length === 1 ? "" : "s"}` : `${rows.length} of ${all.length} endpoints`}
        </span>
        <span aria-hidden>·</span>
        <span className={clsx("h-1.5 w-1.5 rounded-full", endpoints.isFetching ? "animate-pulse bg-brand-500" : "bg-emerald-500")} aria-hidden />
        <span>
          Live · refreshed <RelativeTime at={endpoints.dataUpdatedAt} />
        </span>
      </p>
    </>
  );
}
