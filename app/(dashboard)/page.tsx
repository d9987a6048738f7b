import { Suspense } from "react";
import { OverviewView } from "@/components/overview/overview-view";
import { Skeleton } from "@/components/ui/skeleton";

export const metadata = { title: "Overview" };

export default function OverviewPage() {
  return (
    // The view reads its window from the query string, which exists only in the browser.
    <Suspense fallback={<Skeleton className="h-[36rem] rounded-xl" />}>
      <OverviewView />
    </Suspense>
  );
}
