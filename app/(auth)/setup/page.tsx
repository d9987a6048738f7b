import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";

export const metadata: Metadata = { title: "Set up" };

export default function SetupPage() {
  return (
    <AuthCard
      title="Create the first operator"
      description="Hookrelay has no operators yet. The account you create here can sign in to the dashboard and create API tokens."
      footer="This page closes for good once an operator exists. To skip it, start Hookrelay with HOOKRELAY_ADMIN_EMAIL and HOOKRELAY_ADMIN_PASSWORD."
    >
      <SetupForm />
    </AuthCard>
  );
}
