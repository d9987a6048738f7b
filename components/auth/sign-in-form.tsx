"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { LogIn } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { apiFetch } from "@/components/api/fetcher";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { signInSchema } from "@/lib/auth/credentials";
import { safeNextPath } from "@/lib/auth/next-path";
import { applyServerError } from "./form-error";
import { fullPageLoad } from "./full-page-load";
import { PasswordInput } from "./password-input";

type SignInValues = z.input<typeof signInSchema>;

export function SignInForm({ next }: { next: string | null }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SignInValues, unknown, z.output<typeof signInSchema>>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      await apiFetch("/api/auth/sign-in", { method: "POST", body: JSON.stringify(values) });
    } catch (err) {
      setProblem(applyServerError(err, ["email", "password"], setError));
      return;
    }
    setLeaving(true);
    fullPageLoad(safeNextPath(next));
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      <Field id="email" label="E-mail" error={errors.email?.message}>
        {(control) => <Input {...control} {...register("email")} type="email" autoComplete="username" autoFocus placeholder="you@example.com" />}
      </Field>
      <Field id="password" label="Password" error={errors.password?.message}>
        {(control) => <PasswordInput {...control} {...register("password")} autoComplete="current-password" />}
      </Field>
      <Button type="submit" variant="primary" icon={LogIn} loading={isSubmitting || leaving} className="mt-1 w-full">
        Sign in
      </Button>
    </form>
  );
}
