"use client";

import { Activity, Copy, SlidersHorizontal, Star, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import type { RetryPolicy } from "@/lib/retry/policy";
import { useDeletePolicy, usePolicy, useUpdatePolicy, type Policy } from "@/components/api/policy-hooks";
import { BackLink } from "@/components/ui/back-link";
import { Button } from "@/components/ui/button";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { DetailState } from "@/components/ui/detail-state";
import { LinkButton } from "@/components/ui/link-button";
import { Skeleton } from "@/components/ui/skeleton";
import { TextLink } from "@/components/ui/text-link";
import { Badge } from "@/components/ui/badge";
import { policyToForm, toPolicyInput } from "./form-schema";
import { PolicyEditor } from "./policy-editor";

/** The simulator's URL form of one policy (see components/simulator/url-state.ts): label~7 settings. */
function simulatorHref(name: string, p: RetryPolicy): string {
  const parts = [name, p.maxAttempts, p.initialDelayMs, p.maxDelayMs, p.exponentialBase, p.jitter, p.jitterMode, p.timeoutMs];
  return `/simulator?${new URLSearchParams({ p: parts.join("~") }).toString()}`;
}

function endpointsLink(policy: Policy): string {
  return `/endpoints?${new URLSearchParams({ policy: policy.id }).toString()}`;
}

function Header({ policy }: { policy: Policy }) {
  const router = useRouter();
  const update = useUpdatePolicy(policy.id);
  const remove = useDeletePolicy(policy);
  const [confirming, setConfirming] = useState(false);
  const count = policy.endpointCount;

  return (
    <header className="mb-6 flex flex-wrap items-start justify-between gap-4">
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{policy.name}</h1>
          {policy.isDefault ? (
            <Badge tone="info">
              <Star className="h-3 w-3" aria-hidden />
              Default
            </Badge>
          ) : null}
        </div>
        {policy.description ? <p className="mt-1 max-w-2xl text-sm text-slate-600">{policy.description}</p> : null}
        <p className="mt-1 text-sm text-slate-500">
          {count === 0 ? (
            "No endpoint has chosen it"
          ) : (
            <TextLink href={endpointsLink(policy)}>
              Used by {count} endpoint{count === 1 ? "" : "s"}
            </TextLink>
          )}
          {policy.isDefault ? (
            <>
              {" "}
              ·{" "}
              <TextLink href="/endpoints?policy=default">and every endpoint without a policy of its own</TextLink>
            </>
          ) : null}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {policy.isDefault ? null : (
          <Button icon={Star} onClick={() => update.mutate({ isDefault: true })} loading={update.isPending}>
            Set as default
          </Button>
        )}
        <LinkButton href={simulatorHref(policy.name, policy)} icon={Activity}>
          Simulate
        </LinkButton>
        <LinkButton href={`/policies/new?${new URLSearchParams({ from: policy.id }).toString()}`} icon={Copy}>
          Duplicate
        </LinkButton>
        <Button variant="ghost" icon={Trash2} className="text-red-700 hover:bg-red-50 hover:text-red-800" onClick={() => setConfirming(true)}>
          Delete
        </Button>
      </div>
      <ConfirmModal
        open={confirming}
        title={`Delete “${policy.name}”?`}
        confirmLabel="Delete policy"
        busy={remove.isPending}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => router.push("/policies"), onSettled: () => setConfirming(false) })}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {count === 0
            ? "No endpoint uses it."
            : `${count} endpoint${count === 1 ? " uses" : "s use"} it; ${count === 1 ? "it follows" : "they follow"} the default policy from then on.`}{" "}
          This cannot be undone.
        </p>
      </ConfirmModal>
    </header>
  );
}

function Editor({ policy }: { policy: Policy }) {
  const update = useUpdatePolicy(policy.id);
  // Rebuilt when the saved policy changes, not on every refetch that brings a new endpoint count.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the row's version, not on the object
  const values = useMemo(() => policyToForm(policy), [policy.id, policy.updatedAt]);
  return (
    <PolicyEditor
      mode="edit"
      values={values}
      submitLabel="Save changes"
      onSave={async (submitted) => {
        // Being the default is changed with its own button, never as a side effect of a save.
        return policyToForm(await update.mutateAsync({ ...toPolicyInput(submitted), isDefault: undefined }));
      }}
    />
  );
}

export function PolicyDetailView({ id }: { id: string }) {
  return (
    <DetailState
      query={usePolicy(id)}
      back={<BackLink href="/policies">Policies</BackLink>}
      what="policy"
      skeleton={
        <>
          <Skeleton className="mb-6 h-9 w-64" />
          <Skeleton className="h-[32rem] rounded-xl" />
        </>
      }
      id={id}
      notFound={{ icon: SlidersHorizontal, title: "Policy not found", why: "It may have been deleted.", list: { href: "/policies", label: "All policies" } }}
    >
      {(policy) => (
        <>
          <Header policy={policy} />
          <Editor policy={policy} />
        </>
      )}
    </DetailState>
  );
}
