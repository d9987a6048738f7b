"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { JITTER_MODES, retryPolicySchema, type JitterMode, type RetryPolicy } from "@/lib/retry";
import { formatDuration } from "@/components/charts/format";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { schedulePreview } from "./shape";

export const POLICY_FIELDS = ["maxAttempts", "timeoutMs", "initialDelayMs", "maxDelayMs", "exponentialBase", "jitterMode", "jitter"] as const;
export type PolicyField = (typeof POLICY_FIELDS)[number];

export const JITTER_MODE_LABELS: Record<JitterMode, string> = {
  none: "None",
  proportional: "Proportional",
  full: "Full",
  decorrelated: "Decorrelated",
};

/** While typing a field can hold NaN or a partial policy; hints only show for usable numbers. */
export type PolicyDraft = { [K in keyof RetryPolicy]?: RetryPolicy[K] };

function durationHint(ms: number | undefined): string | undefined {
  return ms !== undefined && Number.isFinite(ms) && ms >= 0 ? `= ${formatDuration(ms)}` : undefined;
}

function jitterHint(policy: PolicyDraft): string {
  switch (policy.jitterMode) {
    case "proportional":
      return policy.jitter !== undefined && Number.isFinite(policy.jitter)
        ? `Each delay varies by ±${Math.round(policy.jitter * 100)}%`
        : "A fraction: 0.1 means ±10%";
    case "full":
      return "Not used: full jitter waits anywhere from 0 to the delay";
    case "decorrelated":
      return "Not used: decorrelated jitter grows from the previous delay";
    default:
      return "Not used without jitter";
  }
}

export interface PolicyFieldsProps {
  idPrefix: string;
  register: Record<PolicyField, UseFormRegisterReturn>;
  errors: Partial<Record<PolicyField, string>>;
  values: PolicyDraft;
}

/** The seven retry-policy fields, in the units of lib/retry's schema so its messages apply as they are. */
export function PolicyFields({ idPrefix, register, errors, values }: PolicyFieldsProps) {
  const id = (field: PolicyField) => `${idPrefix}-${field}`;
  return (
    <div className="grid grid-cols-2 gap-x-3 gap-y-4">
      <Field id={id("maxAttempts")} label="Max attempts" error={errors.maxAttempts} hint="Including the first">
        {(control) => <Input {...control} {...register.maxAttempts} type="number" inputMode="numeric" step={1} />}
      </Field>
      <Field id={id("timeoutMs")} label="Timeout" error={errors.timeoutMs} hint={durationHint(values.timeoutMs)}>
        {(control) => <Input {...control} {...register.timeoutMs} type="number" inputMode="numeric" step={100} suffix="ms" />}
      </Field>
      <Field id={id("initialDelayMs")} label="Initial delay" error={errors.initialDelayMs} hint={durationHint(values.initialDelayMs)}>
        {(control) => <Input {...control} {...register.initialDelayMs} type="number" inputMode="numeric" step={100} suffix="ms" />}
      </Field>
      <Field id={id("maxDelayMs")} label="Max delay" error={errors.maxDelayMs} hint={durationHint(values.maxDelayMs)}>
        {(control) => <Input {...control} {...register.maxDelayMs} type="number" inputMode="numeric" step={1000} suffix="ms" />}
      </Field>
      <Field id={id("exponentialBase")} label="Backoff base" error={errors.exponentialBase} hint="Each delay × base">
        {(control) => <Input {...control} {...register.exponentialBase} type="number" inputMode="decimal" step={0.1} suffix="×" />}
      </Field>
      <Field id={id("jitterMode")} label="Jitter mode" error={errors.jitterMode}>
        {(control) => (
          <Select {...control} {...register.jitterMode}>
            {JITTER_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {JITTER_MODE_LABELS[mode]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id={id("jitter")} label="Jitter" error={errors.jitter} hint={jitterHint(values)} className="col-span-2">
        {(control) => <Input {...control} {...register.jitter} type="number" inputMode="decimal" step={0.05} />}
      </Field>
    </div>
  );
}

/** "Waits about 1 s, 2 s, 4 s… then gives up": the schedule in words, once the fields are valid. */
export function SchedulePreview({ values }: { values: PolicyDraft }) {
  const parsed = retryPolicySchema.safeParse(values);
  if (!parsed.success) return null;
  const policy = parsed.data;
  if (policy.maxAttempts === 1) return <p className="text-xs text-slate-500">One attempt, no retries.</p>;
  const { gapsMs, moreGaps, giveUp } = schedulePreview(policy);
  const gaps = gapsMs.map(formatDuration).join(", ") + (moreGaps > 0 ? `, … (${moreGaps} more)` : "");
  const giveUpText = giveUp.minMs === giveUp.maxMs ? formatDuration(giveUp.baseMs) : `${formatDuration(giveUp.minMs)}–${formatDuration(giveUp.maxMs)}`;
  return (
    <p className="rounded-md bg-slate-50 px-3 py-2 text-xs leading-relaxed text-slate-600">
      Waits about <span className="font-medium text-slate-800">{gaps}</span> between attempts; gives up{" "}
      <span className="font-medium text-slate-800">{giveUpText}</span> after the first attempt (plus request time).
    </p>
  );
}
