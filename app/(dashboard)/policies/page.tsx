import { SlidersHorizontal } from "lucide-react";
import { EmptyState } from "@/components/layout/empty-state";
import { PageHeader } from "@/components/layout/page-header";

export const metadata = { title: "Retry policies" };

export default function Page() {
  return (
    <>
      <PageHeader title="Retry policies" description="How often and how long Hookrelay retries a failing endpoint." />
      <EmptyState icon={SlidersHorizontal} title="No policies yet">The default policy is created on first start.</EmptyState>
    </>
  );
}
