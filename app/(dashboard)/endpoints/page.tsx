import { Waypoints } from "lucide-react";
import { EmptyState } from "@/components/layout/empty-state";
import { PageHeader } from "@/components/layout/page-header";

export const metadata = { title: "Endpoints" };

export default function Page() {
  return (
    <>
      <PageHeader title="Endpoints" description="Destinations Hookrelay delivers messages to." />
      <EmptyState icon={Waypoints} title="No endpoints yet">Add an endpoint to start delivering messages.</EmptyState>
    </>
  );
}
