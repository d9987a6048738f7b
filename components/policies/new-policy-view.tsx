"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { policyHref } from "@/components/api/hrefs";
import { useCreatePolicy, usePolicy } from "@/components/api/policy-hooks";
import { Skeleton } from "@/components/ui/skeleton";
import { emptyPolicyForm, policyToForm, toPolicyInput, type PolicyFormInput } from "./form-schema";
import { PolicyEditor } from "./policy-editor";

/** `?from=<policy id>` starts from a copy of that policy ("Duplicate" on its page). */
export function NewPolicyView() {
  const router = useRouter();
  const fromId = useSearchParams().get("from");
  const source = usePolicy(fromId);
  const create = useCreatePolicy();

  if (fromId && source.isPending) return <Skeleton className="h-[32rem] rounded-xl" />;

  const values: PolicyFormInput =
    fromId && source.data ? { ...policyToForm(source.data), name: `Copy of ${source.data.name}`.slice(0, 60), isDefault: false } : emptyPolicyForm();

  return (
    <PolicyEditor
      mode="create"
      values={values}
      submitLabel="Create policy"
      onSave={async (submitted) => {
        const policy = await create.mutateAsync(toPolicyInput(submitted));
        router.push(policyHref(policy.id));
      }}
    />
  );
}
