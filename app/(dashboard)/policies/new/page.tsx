import { Suspense } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { NewPolicyView } from "@/components/policies/new-policy-view";
import { BackLink } from "@/components/ui/back-link";
import { Skeleton } from "@/components/ui/skeleton";

export const metadata = { title: "New retry policy" };

export default function Page() {
  return (
    <>
      <BackLink href="/policies">Policies</BackLink>
      <PageHeader title="New retry policy" description="How long and how often Hookrelay keeps trying an endpoint that fails. The preview follows what you type." />
      {/* "?from=" (a copy of another policy) is read from the query string, which exists only in the browser. */}
      <Suspense fallback={<Skeleton className="h-[32rem] rounded-xl" />}>
        <NewPolicyView />
      </Suspense>
    </>
  );
}
