import { Suspense } from "react";
import { InboundView } from "@/components/inbound/inbound-view";
import { Skeleton } from "@/components/ui/skeleton";

export const metadata = { title: "Inbound" };

export default function Page() {
  return (
    // The view reads its filters from the query string, which exists only in the browser.
    <Suspense fallback={<Skeleton className="h-[36rem] rounded-xl" />}>
      <InboundView />
    </Suspense>
  );
}
