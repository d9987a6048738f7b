"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { History } from "lucide-react";
import { useEffect } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import type { EndpointOption } from "@/components/api/endpoint-hooks";
import { usePolicies } from "@/components/api/policy-hooks";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import {
  BACKTEST_RANGES,
  backtestFormSchema,
  periodEndingNow,
  type BacktestFormInput,
  type BacktestFormValues,
} from "./backtest-form-schema";
import { POLICY_FIELDS, PolicyFields, SchedulePreview, type PolicyField } from "./policy-fields";
import { SavedPolicySelect, policyOf } from "./saved-policy-select";

export interface BacktestFormProps {
  initial: BacktestFormValues;
  validateOnLoad: boolean;
  running: boolean;
  endpoints: readonly EndpointOption[] | undefined;
  endpointsLoading: boolean;
  onRun: (values: BacktestFormValues) => void;
}

export function BacktestForm({ initial, validateOnLoad, running, endpoints, endpointsLoading, onRun }: BacktestFormProps) {
  const form = useForm<BacktestFormInput, unknown, BacktestFormValues>({
    resolver: zodResolver(backtestFormSchema),
    defaultValues: initial,
    mode: "onTouched",
  });
  const { register, control, handleSubmit, reset, trigger, setValue, formState } = form;
  const errors = formState.errors;
  const saved = usePolicies();
  const policy = useWatch({ control, name: "policy" });
  const endpointId = useWatch({ control, name: "endpointId" });

  // `initial` is memoised on the query string, so this runs when the URL changes (back, forward, a run).
  useEffect(() => {
    reset(initial);
    if (validateOnLoad) void trigger();
  }, [initial, validateOnLoad, reset, trigger]);

  const endpoint = endpoints?.find((e) => e.id === endpointId);
  const defaultPolicy = saved.data?.find((p) => p.isDefault);
  const currentPolicyId = endpoint ? (endpoint.policy?.id ?? defaultPolicy?.id ?? null) : null;
  const num = { valueAsNumber: true } as const;
  const bindings = {
    maxAttempts: register("policy.maxAttempts", num),
    timeoutMs: register("policy.timeoutMs", num),
    initialDelayMs: register("policy.initialDelayMs", num),
    maxDelayMs: register("policy.maxDelayMs", num),
    exponentialBase: register("policy.exponentialBase", num),
    jitterMode: register("policy.jitterMode"),
    jitter: register("policy.jitter", num),
  };
  const policyErrors: Partial<Record<PolicyField, string>> = {};
  for (const field of POLICY_FIELDS) {
    const message = errors.policy?.[field]?.message;
    if (message) policyErrors[field] = message;
  }

  return (
    <form onSubmit={handleSubmit(onRun)} noValidate aria-label="Backtest settings" className="flex flex-col gap-4">
      <Card title="History" description="The endpoint's recorded attempts to replay.">
        <div className="flex flex-col gap-4">
          <Field
            id="bt-endpoint"
            label="Endpoint"
            error={errors.endpointId?.message}
            hint={
              endpoint
                ? `Follows ${endpoint.policy ? `the policy “${endpoint.policy.name}”` : "the default policy"} today`
                : endpointsLoading
                  ? "Loading endpoints…"
                  : undefined
            }
          >
            {(c) => (
              // Controlled: the options arrive after the value (from the URL), which an uncontrolled select would drop.
              <Controller
                control={control}
                name="endpointId"
                render={({ field }) => (
                  <Select {...c} {...field} disabled={endpointsLoading}>
                    <option value="">Choose an endpoint…</option>
                    {endpoints?.map((e) => (
                      <option key={e.id} value={e.id}>
                        {e.description ? `${e.description} — ${e.url}` : e.url}
                      </option>
                    ))}
                  </Select>
                )}
              />
            )}
          </Field>
          <div role="group" aria-label="Quick periods" className="flex flex-wrap gap-2">
            {BACKTEST_RANGES.map((range) => (
              <Button
                key={range.label}
                size="sm"
                onClick={() => {
                  const period = periodEndingNow(range.ms, Date.now());
                  setValue("since", period.since, { shouldValidate: true, shouldDirty: true });
                  setValue("until", period.until, { shouldValidate: true, shouldDirty: true });
                }}
              >
                {range.label}
              </Button>
            ))}
          </div>
          <div className="grid grid-cols-1 gap-x-3 gap-y-4 sm:grid-cols-2 xl:grid-cols-1 2xl:grid-cols-2">
            <Field id="bt-since" label="From" error={errors.since?.message}>
              {(c) => <Input {...c} {...register("since")} type="datetime-local" />}
            </Field>
            <Field id="bt-until" label="Until" error={errors.until?.message}>
              {(c) => <Input {...c} {...register("until")} type="datetime-local" />}
            </Field>
          </div>
          <Field id="bt-seed" label="Seed" error={errors.seed?.message} hint="Seeds the candidate's jitter">
            {(c) => <Input {...c} {...register("seed", num)} type="number" inputMode="numeric" step={1} />}
          </Field>
        </div>
      </Card>
      <Card title="Candidate policy" description="Replayed against the same moments of endpoint health.">
        <div className="flex flex-col gap-4">
          <SavedPolicySelect
            id="bt-saved"
            policies={saved.data}
            loading={saved.isPending}
            failed={saved.isError}
            values={policy}
            currentPolicyId={currentPolicyId}
            onPick={(picked) => setValue("policy", policyOf(picked), { shouldDirty: true, shouldValidate: true })}
          />
          <PolicyFields idPrefix="bt" register={bindings} errors={policyErrors} values={policy} />
          <SchedulePreview values={policy} />
        </div>
      </Card>
      <div className="sticky bottom-0 z-10 -mx-1 rounded-t-xl bg-slate-50/95 px-1 pb-4 pt-2 backdrop-blur">
        <Button type="submit" variant="primary" icon={History} loading={running} className="w-full">
          Run backtest
        </Button>
      </div>
    </form>
  );
}
