"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { ApiError } from "@/components/api/fetcher";
import { EmptyState } from "./empty-state";
import { LinkButton } from "./link-button";
import { LoadError, RefreshFailed } from "./load-error";
import { Skeleton } from "./skeleton";

export interface DetailStateProps<T> {
  query: UseQueryResult<T, Error>;
  /** The way back to the list, shown in every state. */
  back: ReactNode;
  /** The record in words, "delivery": "Loading the delivery", "The delivery could not be loaded". */
  what: string;
  /** The id the page was opened with, repeated when no record has it. */
  id: string;
  /** What a 404 means for this kind of record (removed by retention, deleted…), and the way to its list. */
  notFound: { icon: LucideIcon; title: string; why: string; list?: { href: string; label: string } };
  /** A placeholder shaped like the page; the usual detail layout when left out. */
  skeleton?: ReactNode;
  children: (data: T) => ReactNode;
}

/**
 * The states of a detail page around its content: loading, not found, failed to load, and
 * the last good data with a warning while refreshes fail.
 */
export function DetailState<T>({ query, back, what, id, notFound, skeleton, children }: DetailStateProps<T>) {
  if (query.isPending) {
    return (
      <>
        {back}
        <div aria-busy="true" aria-label={`Loading the ${what}`}>
          {skeleton ?? <DetailSkeleton />}
        </div>
      </>
    );
  }
  if (query.isError && query.data === undefined) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <>
        {back}
        {missing ? (
          <EmptyState icon={notFound.icon} title={notFound.title}>
            <p>
              No {what} has the id <code className="break-all font-mono text-xs">{id}</code>. {notFound.why}
            </p>
            {notFound.list ? (
              <LinkButton href={notFound.list.href} size="sm" className="mt-4">
                {notFound.list.label}
              </LinkButton>
            ) : null}
          </EmptyState>
        ) : (
          <LoadError title={`The ${what} could not be loaded`} error={query.error} onRetry={() => void query.refetch()} />
        )}
      </>
    );
  }
  return (
    <>
      {back}
      {query.isError ? <RefreshFailed what="state" error={query.error} className="mb-4" /> : null}
      {children(query.data as T)}
    </>
  );
}

function DetailSkeleton() {
  return (
    <>
      <Skeleton className="mb-2 h-8 w-72 max-w-full" />
      <Skeleton className="mb-6 h-4 w-96 max-w-full" />
      <div className="grid gap-6 lg:grid-cols-3">
        <Skeleton className="h-96 rounded-xl lg:col-span-2" />
        <Skeleton className="h-96 rounded-xl" />
      </div>
    </>
  );
}
