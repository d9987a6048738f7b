"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Trash2, UserPlus } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { Field } from "@/components/ui/field";
import { mutationErrorText } from "@/components/api/error-text";
import { applyFieldErrors } from "@/components/ui/form-errors";
import { Input } from "@/components/ui/input";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { operatorCreateSchema } from "@/lib/auth/credentials";
import { useAddOperator, useOperators, useRemoveOperator, useSession, type OperatorItem } from "./hooks";

type Values = z.input<typeof operatorCreateSchema>;

function AddOperatorForm() {
  const add = useAddOperator();
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors },
  } = useForm<Values, unknown, z.output<typeof operatorCreateSchema>>({ resolver: zodResolver(operatorCreateSchema), defaultValues: { email: "", password: "" } });

  const onSubmit = handleSubmit(async (input) => {
    try {
      const added = await add.mutateAsync(input);
      toast.success(`${added.email} can sign in now`, { description: "Give them the password another way; they can change it under Settings." });
      reset();
    } catch (err) {
      const problem = applyFieldErrors(err, ["email", "password"], setError);
      if (problem) toast.error(problem);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 grid grid-cols-1 gap-3 border-t border-slate-100 pt-4 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
      <Field id="operator-email" label="E-mail" error={errors.email?.message}>
        {(control) => <Input {...control} {...register("email")} type="email" autoComplete="off" />}
      </Field>
      <Field id="operator-password" label="Password" error={errors.password?.message} hint="At least 12 characters">
        {(control) => <Input {...control} {...register("password")} type="password" autoComplete="new-password" />}
      </Field>
      <Button type="submit" variant="primary" icon={UserPlus} loading={add.isPending} className="sm:mt-6">
        Add operator
      </Button>
    </form>
  );
}

export function OperatorsCard() {
  const operators = useOperators();
  const session = useSession();
  const remove = useRemoveOperator();
  const [removing, setRemoving] = useState<OperatorItem | null>(null);
  const me = session.data?.operator.id;
  const only = (operators.data?.length ?? 0) <= 1;

  return (
    <Card title="Operators" description="Everyone who can sign in to this dashboard. Nobody can remove themselves, and the last operator stays.">
      {operators.data ? (
        <ul aria-label="Operators" className="-my-1 divide-y divide-slate-100">
          {operators.data.map((o) => (
            <li key={o.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-2 text-sm">
              <span className="min-w-0">
                <span className="block truncate font-medium text-slate-900">
                  {o.email}
                  {o.id === me ? <span className="ml-2 text-xs font-normal text-slate-500">(you)</span> : null}
                </span>
                <span className="text-xs text-slate-500">
                  Added <RelativeTime at={o.createdAt} /> · {o.lastLoginAt ? <>last signed in <RelativeTime at={o.lastLoginAt} /></> : "never signed in"}
                </span>
              </span>
              {o.id !== me && !only ? (
                <Button size="sm" variant="ghost" icon={Trash2} onClick={() => setRemoving(o)} aria-label={`Remove ${o.email}`} className="text-red-600 hover:bg-red-50 hover:text-red-700">
                  Remove
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <Skeleton className="h-16 rounded-lg" />
      )}
      <AddOperatorForm />
      <ConfirmModal
        open={removing !== null}
        title={`Remove ${removing?.email ?? "this operator"}?`}
        confirmLabel="Remove operator"
        busy={remove.isPending}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => toast.success(`${removing.email} can no longer sign in`),
            onError: (err) => toast.error("The operator was not removed", { description: mutationErrorText(err) }),
            onSettled: () => setRemoving(null),
          })
        }
        onCancel={() => setRemoving(null)}
      >
        <p>Their sessions end at once. Their actions stay in the audit trail.</p>
      </ConfirmModal>
    </Card>
  );
}
