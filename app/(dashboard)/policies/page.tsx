import { Plus } from "lucide-react";
import { PageHeader } from "@/components/layout/page-header";
import { PoliciesView } from "@/components/policies/policies-view";
import { LinkButton } from "@/components/ui/link-button";

export const metadata = { title: "Retry policies" };

export default function Page() {
  return (
    <>
      <PageHeader
        title="Retry policies"
        description="How often and how long Hookrelay retries an endpoint that fails. Endpoints without a policy of their own follow the default."
        actions={
          <LinkButton href="/policies/new" variant="primary" icon={Plus}>
            New policy
          </LinkButton>
        }
      />
      <PoliciesView />
    </>
  );
}
