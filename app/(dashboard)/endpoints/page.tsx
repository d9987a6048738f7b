import { Plus } from "lucide-react";
import { Suspense } from "react";
import { EndpointsView } from "@/components/endpoints/endpoints-view";
import { PageHeader } from "@/components/layout/page-header";
import { LinkButton } from "@/components/ui/link-button";
import { Skeleton } from "@/components/ui/skeleton";

export const metadata = { title: "Endpoints" };

export default function Page() {
  return (
    <>
      <PageHeader
        title="Endpoints"
        description="Destinations Hookrelay delivers messages to: what each one receives, how it retries, and whether it is healthy."
        actions={
          <LinkButton href="/endpoints/new" variant="primary" icon={Plus}>
            New endpoint
          </LinkButton>
        }
      />
      {/* The filters are read from the query string, which exists only in the browser. */}
      <Suspense fallback={<Skeleton className="h-64 rounded-xl" />}>
        <EndpointsView />
      </Suspense>
    </>
  );
}
