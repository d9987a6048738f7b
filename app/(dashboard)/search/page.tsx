import { Suspense } from "react";
import { SearchView } from "@/components/search/search-view";
import { Skeleton } from "@/components/ui/skeleton";

export const metadata = { title: "Search" };

export default function Page() {
  return (
    // The view reads the query from the URL, which exists only in the browser.
    <Suspense fallback={<Skeleton className="h-40 rounded-xl" />}>
      <SearchView />
    </Suspense>
  );
}
