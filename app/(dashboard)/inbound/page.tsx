import { Inbox } from "lucide-react";
import { EmptyState } from "@/components/layout/empty-state";
import { PageHeader } from "@/components/layout/page-header";

export const metadata = { title: "Inbound" };

export default function Page() {
  return (
    <>
      <PageHeader title="Inbound" description="Events providers posted to Hookrelay, each accepted exactly once." />
      <EmptyState icon={Inbox} title="No events received yet">Providers post to <code className="font-mono">/api/webhook</code> or <code className="font-mono">{"/api/webhook/{source}"}</code>.</EmptyState>
    </>
  );
}
