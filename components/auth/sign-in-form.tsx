"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { LogIn } from "lucide-react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { signInSchema } from "@/lib/auth/credentials";
import { safeNextPath } from "@/lib/auth/next-path";
import { AuthForm, EmailField } from "./auth-form";
import { PasswordInput } from "./password-input";
import { authRequests } from "./hooks";
import { useAuthSubmit } from "./use-auth-submit";

type SignInValues = z.input<typeof signInSchema>;

export function SignInForm({ next }: { next: string | null }) {
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SignInValues, unknown, z.output<typeof signInSchema>>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "" } });

  const { problem, leaving, submit } = useAuthSubmit(["email", "password"], setError, async (values: z.output<typeof signInSchema>) => {
    await authRequests.signIn(values);
    return safeNextPath(next);
  });

  return (
    <AuthForm onSubmit={handleSubmit(submit)} problem={problem}>
      <EmailField {...register("email")} error={errors.email?.message} />
      <Field id="password" label="Password" error={errors.password?.message}>
        {(control) => <PasswordInput {...control} {...register("password")} autoComplete="current-password" />}
      </Field>
      <Button type="submit" variant="primary" icon={LogIn} loading={isSubmitting || leaving} className="mt-1 w-full">
        Sign in
      </Button>
    </AuthForm>
  );
}
