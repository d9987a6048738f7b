import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  return (
    <AuthCard title="Sign in" description="Operators only. Webhooks keep flowing whether or not anyone is signed in." footer="Forgot your password? Another operator can help, or whoever runs this Hookrelay.">
      <SignInForm next={typeof next === "string" ? next : null} />
    </AuthCard>
  );
}
