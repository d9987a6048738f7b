import { Suspense } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { SimulatorView } from "@/components/simulator/simulator-view";
import { Skeleton } from "@/components/ui/skeleton";

export const metadata = { title: "Simulator" };

export default function Page() {
  return (
    <>
      <PageHeader
        title="Simulator"
        description="Run a retry policy against a flaky endpoint on a virtual clock, compare policies on the same failures, or replay an endpoint's real history under a candidate policy."
      />
      {/* The view reads its settings from the query string, which exists only in the browser. */}
      <Suspense fallback={<Skeleton className="h-[36rem] rounded-xl" />}>
        <SimulatorView />
      </Suspense>
    </>
  );
}
