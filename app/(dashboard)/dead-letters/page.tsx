import { ShieldAlert } from "lucide-react";
import { EmptyState } from "@/components/layout/empty-state";
import { PageHeader } from "@/components/layout/page-header";

export const metadata = { title: "Dead letters" };

export default function Page() {
  return (
    <>
      <PageHeader title="Dead letters" description="Deliveries and events that could not be completed, by failure reason." />
      <EmptyState icon={ShieldAlert} title="The dead letter queue is empty">Nothing has failed for good. Letters land here after the last retry.</EmptyState>
    </>
  );
}
