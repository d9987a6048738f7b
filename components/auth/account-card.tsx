"use client";

import { LogOut, UserRound } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { ChangePasswordForm } from "./change-password-form";
import { authRequests, useSession } from "./hooks";
import { fullPageLoad } from "./use-auth-submit";

export function SignOutButton() {
  const [leaving, setLeaving] = useState(false);

  async function signOut() {
    setLeaving(true);
    try {
      await authRequests.signOut();
      fullPageLoad("/sign-in");
    } catch (err) {
      setLeaving(false);
      toast.error(err instanceof Error ? err.message : "Signing out failed");
    }
  }

  return (
    <Button icon={LogOut} loading={leaving} onClick={() => void signOut()}>
      Sign out
    </Button>
  );
}

export function AccountCard() {
  const session = useSession();
  return (
    <Card title="Account" description="Sessions last 7 days; signing out ends this one at once." actions={<SignOutButton />}>
      <div className="flex items-center gap-3">
        <span className="flex h-9 w-9 items-center justify-center rounded-full bg-brand-50 text-brand-700">
          <UserRound className="h-4 w-4" aria-hidden />
        </span>
        <div className="min-w-0">
          <p className="text-xs text-slate-500">Signed in as</p>
          {session.data ? (
            <p className="truncate text-sm font-medium text-slate-900" data-testid="signed-in-email">
              {session.data.operator.email}
            </p>
          ) : (
            <Skeleton className="mt-1 h-4 w-48" />
          )}
        </div>
      </div>
      <ChangePasswordForm />
    </Card>
  );
}
