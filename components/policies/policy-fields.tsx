"use client";

import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { JITTER_MODES, type RetryPolicy } from "@/lib/retry/policy";
import { formatDuration } from "@/components/charts/format";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { JITTER_MODE_LABELS } from "./format";
import type { PolicyFormInput } from "./form-schema";

/** While typing a field can be NaN; hints only speak about usable numbers. */
type Draft = Partial<Record<keyof RetryPolicy, unknown>>;

const usable = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value) && value >= 0;

function durationHint(value: unknown, fallback: string): string {
  return usable(value) ? `${fallback} (${formatDuration(value)})` : fallback;
}

function jitterHint(draft: Draft): string {
  switch (draft.jitterMode) {
    case "proportional":
      return usable(draft.jitter) ? `A fraction: each wait varies by ±${Math.round(draft.jitter * 100)}%` : "A fraction: 0.1 means ±10%";
    case "full":
      return "Not used: full jitter waits anywhere from 0 to the delay";
    case "decorrelated":
      return "Not used: decorrelated jitter grows from the previous wait";
    default:
      return "Not used without jitter";
  }
}

/**
 * The seven retry settings in the units of lib/retry's schema (milliseconds, a fraction) so
 * its messages apply as they are; each hint restates the value in words as it is typed.
 */
export function RetryFields({ register, errors, draft }: { register: UseFormRegister<PolicyFormInput>; errors: FieldErrors<PolicyFormInput>; draft: Draft }) {
  const num = { valueAsNumber: true } as const;
  return (
    <div className="grid grid-cols-1 gap-x-4 gap-y-5 sm:grid-cols-2">
      <Field id="policy-maxAttempts" label="Max attempts" error={errors.maxAttempts?.message} hint="Including the first; 1 means no retries">
        {(c) => <Input {...c} {...register("maxAttempts", num)} type="number" inputMode="numeric" step={1} min={1} />}
      </Field>
      <Field id="policy-timeoutMs" label="Request timeout" error={errors.timeoutMs?.message} hint={durationHint(draft.timeoutMs, "Per attempt")}>
        {(c) => <Input {...c} {...register("timeoutMs", num)} type="number" inputMode="numeric" step={1000} min={100} suffix="ms" />}
      </Field>
      <Field id="policy-initialDelayMs" label="Initial delay" error={errors.initialDelayMs?.message} hint={durationHint(draft.initialDelayMs, "Before the first retry")}>
        {(c) => <Input {...c} {...register("initialDelayMs", num)} type="number" inputMode="numeric" step={100} min={0} suffix="ms" />}
      </Field>
      <Field id="policy-maxDelayMs" label="Max delay" error={errors.maxDelayMs?.message} hint={durationHint(draft.maxDelayMs, "No wait is longer")}>
        {(c) => <Input {...c} {...register("maxDelayMs", num)} type="number" inputMode="numeric" step={1000} min={0} suffix="ms" />}
      </Field>
      <Field id="policy-exponentialBase" label="Backoff base" error={errors.exponentialBase?.message} hint="Each wait is the last one times this">
        {(c) => <Input {...c} {...register("exponentialBase", num)} type="number" inputMode="decimal" step={0.1} min={1} suffix="×" />}
      </Field>
      <Field id="policy-jitterMode" label="Jitter mode" error={errors.jitterMode?.message} hint="Spreads retries so failures don't retry in lockstep">
        {(c) => (
          <Select {...c} {...register("jitterMode")}>
            {JITTER_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {JITTER_MODE_LABELS[mode]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="policy-jitter" label="Jitter" error={errors.jitter?.message} hint={jitterHint(draft)} className="sm:col-span-2">
        {(c) => <Input {...c} {...register("jitter", num)} type="number" inputMode="decimal" step={0.05} min={0} max={1} />}
      </Field>
    </div>
  );
}
