import { BackLink } from "@/components/ui/back-link";
import { NewEndpointView } from "@/components/endpoints/new-endpoint-view";
import { PageHeader } from "@/components/layout/page-header";

export const metadata = { title: "New endpoint" };

export default function Page() {
  return (
    <>
      <BackLink href="/endpoints">Endpoints</BackLink>
      <PageHeader title="New endpoint" description="Hookrelay starts delivering matching messages to it as soon as it is created and enabled." />
      <NewEndpointView />
    </>
  );
}
