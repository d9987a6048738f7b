"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ApiError } from "@/components/api/fetcher";
import { Button } from "./button";
import { LoadError, RefreshFailed } from "./load-error";
import { ListSkeleton } from "./skeleton";

export interface ListStateProps<P extends { data: readonly unknown[] }> {
  query: UseQueryResult<P, Error>;
  /** The page the URL names; null for the first. */
  cursor: string | null;
  /** The rows in words, "Deliveries": "Deliveries could not be loaded", "Loading deliveries". */
  what: string;
  /** Back to the first page, offered when the URL's page is gone. */
  onNewest: () => void;
  newestLabel?: string;
  skeleton?: { rows?: number; bare?: boolean };
  /** Classes around the error blocks, where the list sits inside a card. */
  padding?: string;
  /** What an empty page says: nothing yet, or nothing matching the filters. */
  empty: ReactNode;
  children: (page: P) => ReactNode;
}

/**
 * The states of a paged list around its rows: loading, failed to load (a page whose cursor
 * row was deleted since the link was made answers 400, and is offered the first page),
 * empty, and the last good page with a warning while refreshes fail.
 */
export function ListState<P extends { data: readonly unknown[] }>({ query, cursor, what, onNewest, newestLabel = "Go to the newest", skeleton, padding, empty, children }: ListStateProps<P>) {
  const page = query.data;
  const staleCursor = cursor !== null && query.error instanceof ApiError && query.error.status === 400;
  const pad = (node: ReactNode) => (padding ? <div className={padding}>{node}</div> : node);
  if (!page && query.isError) {
    return pad(
      <LoadError title={staleCursor ? "This page of results is no longer available" : `${what} could not be loaded`} error={query.error} onRetry={() => void query.refetch()}>
        {cursor !== null ? (
          <Button size="sm" variant="ghost" onClick={onNewest}>
            {newestLabel}
          </Button>
        ) : null}
      </LoadError>,
    );
  }
  if (!page) return <ListSkeleton label={`Loading ${what.toLowerCase()}`} rows={skeleton?.rows} bare={skeleton?.bare} />;
  return (
    <>
      {query.isError ? pad(<RefreshFailed what="list" error={query.error} />) : null}
      {page.data.length === 0 ? pad(empty) : children(page)}
    </>
  );
}
