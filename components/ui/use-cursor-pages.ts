"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { newerCursor, pageNumber, rememberStep, type CursorTrail } from "./cursor-trail";

/** How a list page keeps its filters and its keyset cursor in the URL. */
export interface UrlListCodec<F> {
  filtersFromSearch(params: URLSearchParams): F;
  cursorFromSearch(params: URLSearchParams): string | null;
  filtersToSearch(filters: F, cursor?: string | null): string;
}

/**
 * Filters and keyset pages kept in the URL, so a view can be shared and reloaded: a
 * filter change replaces the URL and starts from the newest page; Older/Newer push.
 */
export function useCursorPages<F>(codec: UrlListCodec<F>) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters = useMemo(() => codec.filtersFromSearch(params), [codec, params]);
  const cursor = codec.cursorFromSearch(params);
  const [trail, setTrail] = useState<CursorTrail>(() => new Map());

  const setFilters = useCallback(
    (next: F) => {
      setTrail(new Map());
      router.replace(`${pathname}${codec.filtersToSearch(next)}`, { scroll: false });
    },
    [codec, router, pathname],
  );

  return {
    filters,
    cursor,
    setFilters,
    pageNo: pageNumber(trail, cursor),
    goOlder(next: string) {
      setTrail((t) => rememberStep(t, cursor, next));
      router.push(`${pathname}${codec.filtersToSearch(filters, next)}`);
    },
    goNewer() {
      router.push(`${pathname}${codec.filtersToSearch(filters, newerCursor(trail, cursor))}`);
    },
    goNewest() {
      router.push(`${pathname}${codec.filtersToSearch(filters)}`);
    },
  };
}
