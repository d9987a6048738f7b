import type { Metadata } from "next";
import { AccountCard } from "@/components/auth/account-card";
import { ApiTokensCard } from "@/components/auth/api-tokens-card";
import { AuditLogCard } from "@/components/auth/audit-log-card";
import { OperatorsCard } from "@/components/auth/operators-card";
import { PageHeader } from "@/components/layout/page-header";

export const metadata: Metadata = { title: "Settings" };

export default function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" description="Your account, the other operators, API tokens for programs, and the trail of operator actions." />
      <div className="flex max-w-5xl flex-col gap-6">
        <AccountCard />
        <OperatorsCard />
        <ApiTokensCard />
        <AuditLogCard />
      </div>
    </>
  );
}
