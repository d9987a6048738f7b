import { Suspense } from "react";
import { DeliveriesView } from "@/components/deliveries/deliveries-view";
import { Skeleton } from "@/components/ui/skeleton";

export const metadata = { title: "Deliveries" };

export default function Page() {
  return (
    // The view reads its filters from the query string, which exists only in the browser.
    <Suspense fallback={<Skeleton className="h-[36rem] rounded-xl" />}>
      <DeliveriesView />
    </Suspense>
  );
}
