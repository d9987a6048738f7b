"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { ShieldCheck } from "lucide-react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { ApiError } from "@/components/api/fetcher";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PASSWORD_MIN_LENGTH, setupSchema } from "@/lib/auth/credentials";
import { AuthForm, EmailField } from "./auth-form";
import { PasswordInput } from "./password-input";
import { authRequests } from "./hooks";
import { useAuthSubmit } from "./use-auth-submit";

// Typing the password twice is a browser-side check only: the server needs it once.
const setupFormSchema = setupSchema.extend({ confirm: z.string() }).refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The passwords do not match" });

type SetupValues = z.input<typeof setupFormSchema>;

export function SetupForm() {
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SetupValues, unknown, z.output<typeof setupFormSchema>>({ resolver: zodResolver(setupFormSchema), defaultValues: { email: "", password: "", confirm: "" } });

  const { problem, leaving, submit } = useAuthSubmit(["email", "password"], setError, async ({ email, password }: z.output<typeof setupFormSchema>) => {
    try {
      await authRequests.setUp({ email, password });
    } catch (err) {
      // Someone finished setup first: this page is closed now, signing in is the way in.
      if (err instanceof ApiError && err.status === 409) return "/sign-in";
      throw err;
    }
    return "/";
  });

  return (
    <AuthForm onSubmit={handleSubmit(submit)} problem={problem}>
      <EmailField {...register("email")} error={errors.email?.message} />
      <Field id="password" label="Password" error={errors.password?.message} hint={`At least ${PASSWORD_MIN_LENGTH} characters. A passphrase works well.`}>
        {(control) => <PasswordInput {...control} {...register("password")} autoComplete="new-password" />}
      </Field>
      <Field id="confirm" label="Confirm password" error={errors.confirm?.message}>
        {(control) => <PasswordInput {...control} {...register("confirm")} autoComplete="new-password" />}
      </Field>
      <Button type="submit" variant="primary" icon={ShieldCheck} loading={isSubmitting || leaving} className="mt-1 w-full">
        Create operator and sign in
      </Button>
    </AuthForm>
  );
}
