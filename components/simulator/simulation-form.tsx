"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Play, Plus, X } from "lucide-react";
import { useEffect } from "react";
import { useFieldArray, useForm, useWatch, type FieldErrors, type UseFormReturn } from "react-hook-form";
import { usePolicies } from "@/components/api/policy-hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { seriesColor } from "@/components/charts/chart-container";
import { formatCount } from "@/components/charts/format";
import { SIMULATION_LIMITS } from "@/lib/simulator";
import {
  MAX_VARIANTS,
  VARIANT_LETTERS,
  defaultVariant,
  nextVariant,
  simulatorFormSchema,
  type SimulatorFormInput,
  type SimulatorFormValues,
} from "./form-schema";
import { POLICY_FIELDS, PolicyFields, SchedulePreview, type PolicyField } from "./policy-fields";
import { SavedPolicySelect, policyOf } from "./saved-policy-select";

type Form = UseFormReturn<SimulatorFormInput, unknown, SimulatorFormValues>;

export interface SimulationFormProps {
  /** Settings decoded from the URL; the form resets to them whenever the URL changes. */
  initial: SimulatorFormValues;
  /** The URL asked for a run: flag its invalid fields at once rather than after a blur. */
  validateOnLoad: boolean;
  running: boolean;
  onRun: (values: SimulatorFormValues) => void;
}

export function SimulationForm({ initial, validateOnLoad, running, onRun }: SimulationFormProps) {
  const form: Form = useForm<SimulatorFormInput, unknown, SimulatorFormValues>({
    resolver: zodResolver(simulatorFormSchema),
    defaultValues: initial,
    mode: "onTouched",
  });
  const { control, handleSubmit, reset, trigger, formState } = form;
  const variants = useFieldArray({ control, name: "variants" });

  // `initial` is memoised on the query string, so this runs when the URL changes (back, forward, a run).
  useEffect(() => {
    reset(initial);
    if (validateOnLoad) void trigger();
  }, [initial, validateOnLoad, reset, trigger]);

  const comparing = variants.fields.length > 1;
  const rootError = formState.errors.root?.message ?? formState.errors.variants?.message;

  return (
    <form onSubmit={handleSubmit(onRun)} noValidate aria-label="Simulation settings" className="flex flex-col gap-4">
      <ScenarioCard form={form} />
      {variants.fields.map((field, index) => (
        <VariantCard
          key={field.id}
          form={form}
          index={index}
          comparing={comparing}
          onRemove={comparing ? () => variants.remove(index) : undefined}
        />
      ))}
      <Button
        icon={Plus}
        disabled={variants.fields.length >= MAX_VARIANTS}
        onClick={() => variants.append(nextVariant(form.getValues("variants").map((v) => v.label)))}
      >
        {variants.fields.length >= MAX_VARIANTS
          ? `Up to ${MAX_VARIANTS} policies`
          : comparing
            ? "Add another policy"
            : "Compare with another policy"}
      </Button>
      {rootError ? <Alert tone="error">{rootError}</Alert> : null}
      <div className="sticky bottom-0 z-10 -mx-1 rounded-t-xl bg-slate-50/95 px-1 pb-4 pt-2 backdrop-blur">
        <Button type="submit" variant="primary" icon={Play} loading={running} className="w-full">
          {comparing ? `Compare ${variants.fields.length} policies` : "Run simulation"}
        </Button>
        <p className="mt-1.5 text-center text-xs text-slate-500">Same settings and seed, same result.</p>
      </div>
    </form>
  );
}

function ScenarioCard({ form }: { form: Form }) {
  const { register, control, formState } = form;
  const errors = formState.errors.scenario;
  const outageOn = useWatch({ control, name: "scenario.outage.enabled" });
  const num = { valueAsNumber: true } as const;
  return (
    <Card title="Scenario" description="How the endpoint behaves and how much traffic it gets.">
      <div className="grid grid-cols-2 gap-x-3 gap-y-4">
        <Field id="sim-failure" label="Failure rate" error={errors?.failureRatePct?.message} hint="Attempts answered 5xx">
          {(c) => <Input {...c} {...register("scenario.failureRatePct", num)} type="number" inputMode="decimal" step="any" suffix="%" />}
        </Field>
        <Field id="sim-timeout" label="Timeout rate" error={errors?.timeoutRatePct?.message} hint="Attempts that hang">
          {(c) => <Input {...c} {...register("scenario.timeoutRatePct", num)} type="number" inputMode="decimal" step="any" suffix="%" />}
        </Field>
        <Field id="sim-deliveries" label="Deliveries" error={errors?.deliveries?.message} hint={`Up to ${formatCount(SIMULATION_LIMITS.maxDeliveries)}`}>
          {(c) => <Input {...c} {...register("scenario.deliveries", num)} type="number" inputMode="numeric" step={1} />}
        </Field>
        <Field id="sim-response" label="Response time" error={errors?.responseTimeMs?.message} hint="Of a normal answer">
          {(c) => <Input {...c} {...register("scenario.responseTimeMs", num)} type="number" inputMode="numeric" step={10} suffix="ms" />}
        </Field>
        <Field id="sim-window" label="Arrivals over" error={errors?.arrivalWindowMin?.message} hint="0 = all at once">
          {(c) => <Input {...c} {...register("scenario.arrivalWindowMin", num)} type="number" inputMode="decimal" step="any" suffix="min" />}
        </Field>
        <Field id="sim-seed" label="Seed" error={errors?.seed?.message} hint="Change it for another draw">
          {(c) => <Input {...c} {...register("scenario.seed", num)} type="number" inputMode="numeric" step={1} />}
        </Field>
        <Checkbox
          id="sim-outage"
          className="col-span-2"
          label="Simulate an outage"
          description="Every attempt inside the window fails fast."
          {...register("scenario.outage.enabled")}
        />
        {outageOn ? (
          <>
            <Field id="sim-outage-start" label="Outage from" error={errors?.outage?.startMin?.message} hint="Minutes after start">
              {(c) => <Input {...c} {...register("scenario.outage.startMin", num)} type="number" inputMode="decimal" step="any" suffix="min" />}
            </Field>
            <Field id="sim-outage-end" label="Outage until" error={errors?.outage?.endMin?.message}>
              {(c) => <Input {...c} {...register("scenario.outage.endMin", num)} type="number" inputMode="decimal" step="any" suffix="min" />}
            </Field>
          </>
        ) : null}
      </div>
    </Card>
  );
}

function policyErrors(errors: FieldErrors<SimulatorFormInput>, index: number): Partial<Record<PolicyField, string>> {
  const policy = errors.variants?.[index]?.policy;
  const out: Partial<Record<PolicyField, string>> = {};
  for (const field of POLICY_FIELDS) {
    const message = policy?.[field]?.message;
    if (message) out[field] = message;
  }
  return out;
}

function VariantCard({ form, index, comparing, onRemove }: { form: Form; index: number; comparing: boolean; onRemove?: () => void }) {
  const { register, control, setValue, getValues, formState } = form;
  const saved = usePolicies();
  const values = useWatch({ control, name: `variants.${index}.policy` });
  const label = useWatch({ control, name: `variants.${index}.label` });
  const num = { valueAsNumber: true } as const;
  const prefix = `variants.${index}.policy` as const;
  const bindings = {
    maxAttempts: register(`${prefix}.maxAttempts`, num),
    timeoutMs: register(`${prefix}.timeoutMs`, num),
    initialDelayMs: register(`${prefix}.initialDelayMs`, num),
    maxDelayMs: register(`${prefix}.maxDelayMs`, num),
    exponentialBase: register(`${prefix}.exponentialBase`, num),
    jitterMode: register(`${prefix}.jitterMode`),
    jitter: register(`${prefix}.jitter`, num),
  };
  const letter = VARIANT_LETTERS[index] ?? String(index + 1);

  return (
    <Card
      title={
        comparing ? (
          <span className="flex items-center gap-2">
            <span className="h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: seriesColor(index) }} aria-hidden />
            {label && label !== defaultVariant(index).label ? `Policy ${letter} · ${label}` : `Policy ${letter}`}
          </span>
        ) : (
          "Retry policy"
        )
      }
      description={comparing ? undefined : "The policy under test. Add another to compare them on the same failures."}
      actions={
        onRemove ? (
          <Button variant="ghost" size="sm" icon={X} onClick={onRemove} aria-label={`Remove policy ${letter}`}>
            Remove
          </Button>
        ) : undefined
      }
    >
      <div className="flex flex-col gap-4">
        {comparing ? (
          <Field id={`sim-v${index}-label`} label="Label" error={formState.errors.variants?.[index]?.label?.message} hint="Names the line in the charts">
            {(c) => <Input {...c} {...register(`variants.${index}.label`)} maxLength={SIMULATION_LIMITS.maxLabelLength} />}
          </Field>
        ) : null}
        <SavedPolicySelect
          id={`sim-v${index}-saved`}
          policies={saved.data}
          loading={saved.isPending}
          failed={saved.isError}
          values={values}
          onPick={(picked) => {
            setValue(prefix, policyOf(picked), { shouldDirty: true, shouldValidate: true });
            // Default labels ("Policy B") make way for the saved policy's name; typed ones stay.
            const current = getValues(`variants.${index}.label`);
            const others = getValues("variants").filter((_, i) => i !== index).map((v) => v.label);
            if (/^Policy [A-D]$/.test(current) && !others.includes(picked.name)) {
              setValue(`variants.${index}.label`, picked.name, { shouldDirty: true, shouldValidate: comparing });
            }
          }}
        />
        <PolicyFields idPrefix={`sim-v${index}`} register={bindings} errors={policyErrors(formState.errors, index)} values={values} />
        <SchedulePreview values={values} />
      </div>
    </Card>
  );
}
