"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { ShieldCheck } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { ApiError, apiFetch } from "@/components/api/fetcher";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PASSWORD_MIN_LENGTH, setupSchema } from "@/lib/auth/credentials";
import { applyServerError } from "./form-error";
import { fullPageLoad } from "./full-page-load";
import { PasswordInput } from "./password-input";

// Typing the password twice is a browser-side check only: the server needs it once.
const setupFormSchema = setupSchema.extend({ confirm: z.string() }).refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The passwords do not match" });

type SetupValues = z.input<typeof setupFormSchema>;

export function SetupForm() {
  const [problem, setProblem] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SetupValues, unknown, z.output<typeof setupFormSchema>>({ resolver: zodResolver(setupFormSchema), defaultValues: { email: "", password: "", confirm: "" } });

  const onSubmit = handleSubmit(async ({ email, password }) => {
    setProblem(null);
    try {
      await apiFetch("/api/auth/setup", { method: "POST", body: JSON.stringify({ email, password }) });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        // Someone finished setup first: this page is closed now.
        fullPageLoad("/sign-in");
        return;
      }
      setProblem(applyServerError(err, ["email", "password"], setError));
      return;
    }
    setLeaving(true);
    fullPageLoad("/");
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      <Field id="email" label="E-mail" error={errors.email?.message}>
        {(control) => <Input {...control} {...register("email")} type="email" autoComplete="username" autoFocus placeholder="you@example.com" />}
      </Field>
      <Field id="password" label="Password" error={errors.password?.message} hint={`At least ${PASSWORD_MIN_LENGTH} characters. A passphrase works well.`}>
        {(control) => <PasswordInput {...control} {...register("password")} autoComplete="new-password" />}
      </Field>
      <Field id="confirm" label="Confirm password" error={errors.confirm?.message}>
        {(control) => <PasswordInput {...control} {...register("confirm")} autoComplete="new-password" />}
      </Field>
      <Button type="submit" variant="primary" icon={ShieldCheck} loading={isSubmitting || leaving} className="mt-1 w-full">
        Create operator and sign in
      </Button>
    </form>
  );
}
