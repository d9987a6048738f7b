"use client";

import type { RetryPolicy } from "@/lib/retry";
import type { SavedPolicy } from "@/components/api/simulator-hooks";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { PolicyDraft } from "./policy-fields";

const FIELDS = ["maxAttempts", "initialDelayMs", "maxDelayMs", "exponentialBase", "jitter", "jitterMode", "timeoutMs"] as const satisfies readonly (keyof RetryPolicy)[];

/** The saved policy the fields currently equal, if any: the picker shows "Custom" once one is edited. */
export function matchingPolicy(policies: readonly SavedPolicy[], values: PolicyDraft): SavedPolicy | undefined {
  return policies.find((saved) => FIELDS.every((field) => saved[field] === values[field]));
}

export interface SavedPolicySelectProps {
  id: string;
  policies: readonly SavedPolicy[] | undefined;
  loading: boolean;
  failed: boolean;
  values: PolicyDraft;
  onPick: (policy: SavedPolicy) => void;
  /** Marks the policy an endpoint follows, in the backtest. */
  currentPolicyId?: string | null;
}

export function SavedPolicySelect({ id, policies, loading, failed, values, onPick, currentPolicyId }: SavedPolicySelectProps) {
  const list = policies ?? [];
  const match = matchingPolicy(list, values);
  const hint = failed
    ? "Saved policies could not be loaded; edit the fields directly"
    : loading
      ? "Loading saved policies…"
      : list.length === 0
        ? "No saved policies yet"
        : match
          ? "Fields filled from this policy; edit them to try variations"
          : "Pick a saved policy to fill the fields";
  return (
    <Field id={id} label="Start from" hint={hint}>
      {(control) => (
        <Select
          {...control}
          value={match?.id ?? ""}
          disabled={loading || failed || list.length === 0}
          onChange={(event) => {
            const picked = list.find((p) => p.id === event.target.value);
            if (picked) onPick(picked);
          }}
        >
          <option value="">Custom settings</option>
          {list.map((policy) => (
            <option key={policy.id} value={policy.id}>
              {policy.name}
              {policy.isDefault && policy.name !== "default" ? " · default" : ""}
              {policy.id === currentPolicyId ? " · endpoint's policy" : ""}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

export function policyOf(saved: SavedPolicy): RetryPolicy {
  const { maxAttempts, initialDelayMs, maxDelayMs, exponentialBase, jitter, jitterMode, timeoutMs } = saved;
  return { maxAttempts, initialDelayMs, maxDelayMs, exponentialBase, jitter, jitterMode, timeoutMs };
}
