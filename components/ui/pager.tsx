import { ChevronLeft, ChevronRight, Loader2 } from "lucide-react";
import { Button } from "./button";

/** Where a keyset-paginated list is and how it moves; what useCursorPages returns. */
export interface PagePosition {
  /** From pageNumber(): null when the way back to the newest page is not known. */
  pageNo: number | null;
  cursor: string | null;
  goNewer: () => void;
  goOlder: (cursor: string) => void;
}

export interface PagerProps {
  pages: PagePosition;
  nextCursor: string | null;
  count: number;
  noun: { one: string; many: string };
  /** Said after the count on the first page, e.g. "newest first". */
  order: string;
  loading: boolean;
}

/** The footer of a keyset-paginated table: where the operator is, and Newer / Older. */
export function Pager({ pages: { pageNo, cursor, goNewer, goOlder }, nextCursor, count, noun, order, loading }: PagerProps) {
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 px-4 py-3">
      <p className="flex items-center gap-2 text-sm text-slate-600">
        {loading ? <Loader2 className="h-4 w-4 animate-spin text-slate-400" aria-hidden /> : null}
        {pageNo !== null && (cursor !== null || nextCursor !== null) ? `Page ${pageNo} · ` : ""}
        {count} {count === 1 ? noun.one : noun.many}
        {cursor === null ? `, ${order}` : ""}
      </p>
      <div className="flex gap-2">
        <Button size="sm" icon={ChevronLeft} onClick={goNewer} disabled={cursor === null}>
          Newer
        </Button>
        <Button size="sm" onClick={() => nextCursor && goOlder(nextCursor)} disabled={nextCursor === null}>
          Older
          <ChevronRight className="h-3.5 w-3.5" aria-hidden />
        </Button>
      </div>
    </nav>
  );
}
