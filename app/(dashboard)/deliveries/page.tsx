import { Send } from "lucide-react";
import { EmptyState } from "@/components/layout/empty-state";
import { PageHeader } from "@/components/layout/page-header";

export const metadata = { title: "Deliveries" };

export default function Page() {
  return (
    <>
      <PageHeader title="Deliveries" description="Every attempt to deliver a message to an endpoint, with its timeline." />
      <EmptyState icon={Send} title="No deliveries yet">Deliveries appear once an endpoint is set up and a message matches it.</EmptyState>
    </>
  );
}
