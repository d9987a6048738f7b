"use client";

import { KeyRound } from "lucide-react";
import { passwordChangeSchema } from "@/lib/auth/credentials";
import { useChangePassword } from "./hooks";
import { PasswordPairForm } from "./password-pair-form";

/** The signed-in operator's own password; their other sessions end, this one stays. */
export function ChangePasswordForm() {
  const change = useChangePassword();
  return (
    <PasswordPairForm
      schema={passwordChangeSchema}
      label="Change password"
      fields={[
        { name: "currentPassword", id: "current-password", label: "Current password", type: "password", autoComplete: "current-password" },
        { name: "newPassword", id: "new-password", label: "New password", type: "password", autoComplete: "new-password", hint: "At least 12 characters" },
      ]}
      submit={{ label: "Change password", icon: KeyRound }}
      pending={change.isPending}
      send={async (input) => {
        await change.mutateAsync(input);
        return { title: "Password changed", description: "Your other sessions were signed out." };
      }}
    />
  );
}
