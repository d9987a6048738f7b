import type { FormEventHandler, ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** The sign-in and setup forms' frame: the problem the server named above the fields. */
export function AuthForm({ onSubmit, problem, children }: { onSubmit: FormEventHandler<HTMLFormElement>; problem: string | null; children: ReactNode }) {
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      {children}
    </form>
  );
}

/** The operator's e-mail, which password managers file the login under. */
export function EmailField({ error, ...registration }: UseFormRegisterReturn & { error?: string }) {
  return (
    <Field id="email" label="E-mail" error={error}>
      {(control) => <Input {...control} {...registration} type="email" autoComplete="username" autoFocus placeholder="you@example.com" />}
    </Field>
  );
}
