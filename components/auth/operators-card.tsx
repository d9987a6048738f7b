"use client";

import { Trash2, UserPlus } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { mutationErrorText } from "@/components/api/error-text";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { operatorCreateSchema } from "@/lib/auth/credentials";
import { useAddOperator, useOperators, useRemoveOperator, useSession, type OperatorItem } from "./hooks";
import { PasswordPairForm } from "./password-pair-form";

function AddOperatorForm() {
  const add = useAddOperator();
  return (
    <PasswordPairForm
      schema={operatorCreateSchema}
      fields={[
        { name: "email", id: "operator-email", label: "E-mail", type: "email", autoComplete: "off" },
        { name: "password", id: "operator-password", label: "Password", type: "password", autoComplete: "new-password", hint: "At least 12 characters" },
      ]}
      submit={{ label: "Add operator", icon: UserPlus, primary: true }}
      pending={add.isPending}
      send={async (input) => {
        const added = await add.mutateAsync(input);
        return { title: `${added.email} can sign in now`, description: "Give them the password another way; they can change it under Settings." };
      }}
    />
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
