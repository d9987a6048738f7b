import { Suspense } from "react";
import { DeadLettersView } from "@/components/dead-letters/dead-letters-view";
import { Skeleton } from "@/components/ui/skeleton";

export const metadata = { title: "Dead letters" };

export default function Page() {
  return (
    // The view reads its filters and the watched job from the query string, which exists only in the browser.
    <Suspense fallback={<Skeleton className="h-[36rem] rounded-xl" />}>
      <DeadLettersView />
    </Suspense>
  );
}
