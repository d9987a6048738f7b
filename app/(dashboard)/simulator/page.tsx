import { Activity } from "lucide-react";
import { EmptyState } from "@/components/layout/empty-state";
import { PageHeader } from "@/components/layout/page-header";

export const metadata = { title: "Simulator" };

export default function Page() {
  return (
    <>
      <PageHeader title="Simulator" description="Try a retry policy against a flaky endpoint before adopting it." />
      <EmptyState icon={Activity} title="Simulator coming soon">Run a policy on a virtual clock and see its success rate and load.</EmptyState>
    </>
  );
}
