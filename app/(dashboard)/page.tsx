import { Gauge } from "lucide-react";
import { EmptyState } from "@/components/layout/empty-state";
import { PageHeader } from "@/components/layout/page-header";

export const metadata = { title: "Overview" };

export default function OverviewPage() {
  return (
    <>
      <PageHeader title="Overview" description="Events received, deliveries made and what is waiting in the dead letter queue." />
      <EmptyState icon={Gauge} title="No traffic yet">
        Send an event to <code className="rounded bg-slate-100 px-1 font-mono">POST /api/webhook</code> and it shows up here.
      </EmptyState>
    </>
  );
}
