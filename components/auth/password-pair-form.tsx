"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { LucideIcon } from "lucide-react";
import { useForm, type DefaultValues, type Path, type Resolver } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { applyFieldErrors } from "@/components/ui/form-errors";
import { Input } from "@/components/ui/input";

type Pair = Record<string, string>;

export interface PairField<T extends Pair> {
  name: keyof T & string;
  id: string;
  label: string;
  type: "email" | "password";
  autoComplete: string;
  hint?: string;
}

export interface PasswordPairFormProps<T extends Pair> {
  schema: z.ZodType<T, T>;
  /** The two fields side by side, in order. */
  fields: readonly [PairField<T>, PairField<T>];
  label?: string;
  submit: { label: string; icon: LucideIcon; primary?: boolean };
  pending: boolean;
  /** Sends the values; resolves to the success toast's title and description. */
  send: (values: T) => Promise<{ title: string; description: string }>;
}

/**
 * The settings cards' one-row forms (add an operator, change your own password): two fields
 * and a button; a refusal lands under the field it concerns, or in a toast; success clears it.
 */
export function PasswordPairForm<T extends Pair>({ schema, fields, label, submit, pending, send }: PasswordPairFormProps<T>) {
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors },
  } = useForm<T, unknown, T>({ resolver: zodResolver(schema) as Resolver<T, unknown, T>, defaultValues: Object.fromEntries(fields.map((f) => [f.name, ""])) as DefaultValues<T> });

  const onSubmit = handleSubmit(async (values) => {
    try {
      const { title, description } = await send(values);
      toast.success(title, { description });
      reset();
    } catch (err) {
      const problem = applyFieldErrors(
        err,
        fields.map((f) => f.name),
        setError,
      );
      if (problem) toast.error(problem);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label={label} className="mt-4 grid grid-cols-1 gap-3 border-t border-slate-100 pt-4 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
      {fields.map((f) => (
        <Field key={f.name} id={f.id} label={f.label} error={errors[f.name]?.message as string | undefined} hint={f.hint}>
          {(control) => <Input {...control} {...register(f.name as Path<T>)} type={f.type} autoComplete={f.autoComplete} />}
        </Field>
      ))}
      <Button type="submit" variant={submit.primary ? "primary" : undefined} icon={submit.icon} loading={pending} className="sm:mt-6">
        {submit.label}
      </Button>
    </form>
  );
}
