"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { KeyRound } from "lucide-react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { applyFieldErrors } from "@/components/ui/form-errors";
import { Input } from "@/components/ui/input";
import { passwordChangeSchema } from "@/lib/auth/credentials";
import { useChangePassword } from "./hooks";

type Values = z.input<typeof passwordChangeSchema>;

/** The signed-in operator's own password; their other sessions end, this one stays. */
export function ChangePasswordForm() {
  const change = useChangePassword();
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors },
  } = useForm<Values, unknown, z.output<typeof passwordChangeSchema>>({ resolver: zodResolver(passwordChangeSchema), defaultValues: { currentPassword: "", newPassword: "" } });

  const onSubmit = handleSubmit(async (input) => {
    try {
      await change.mutateAsync(input);
      toast.success("Password changed", { description: "Your other sessions were signed out." });
      reset();
    } catch (err) {
      const problem = applyFieldErrors(err, ["currentPassword", "newPassword"], setError);
      if (problem) toast.error(problem);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Change password" className="mt-4 grid grid-cols-1 gap-3 border-t border-slate-100 pt-4 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
      <Field id="current-password" label="Current password" error={errors.currentPassword?.message}>
        {(control) => <Input {...control} {...register("currentPassword")} type="password" autoComplete="current-password" />}
      </Field>
      <Field id="new-password" label="New password" error={errors.newPassword?.message} hint="At least 12 characters">
        {(control) => <Input {...control} {...register("newPassword")} type="password" autoComplete="new-password" />}
      </Field>
      <Button type="submit" icon={KeyRound} loading={change.isPending} className="sm:mt-6">
        Change password
      </Button>
    </form>
  );
}
