"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useDeferredValue, useState } from "react";
import { useForm, useWatch, type UseFormReturn } from "react-hook-form";
import { DEFAULT_RETRY_POLICY, retryPolicySchema, type RetryPolicy } from "@/lib/retry/policy";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { applyFieldErrors } from "@/components/ui/form-errors";
import { Input } from "@/components/ui/input";
import { LeaveGuard } from "@/components/ui/leave-guard";
import { LinkButton } from "@/components/ui/link-button";
import { TextArea } from "@/components/ui/text-area";
import { POLICY_FORM_FIELDS, policyFormSchema, type PolicyFormInput, type PolicyFormValues } from "./form-schema";
import { RetryFields } from "./policy-fields";
import { giveUpText, SchedulePreview } from "./schedule-preview";

type PolicyForm = UseFormReturn<PolicyFormInput, unknown, PolicyFormValues>;

const samePolicy = (a: RetryPolicy, b: RetryPolicy) => (Object.keys(a) as (keyof RetryPolicy)[]).every((k) => a[k] === b[k]);

/** The preview follows the fields as they are typed, holding the last valid policy while one is invalid. */
function useLivePolicy(form: PolicyForm, initial: RetryPolicy): { policy: RetryPolicy; stale: boolean } {
  const watched = useWatch({ control: form.control });
  // The schema keeps only the retry fields, so the whole form can be handed to it.
  const parsed = retryPolicySchema.safeParse(watched);
  const [lastValid, setLastValid] = useState(initial);
  // Adjusting state while rendering (not in an effect) so the preview never lags a frame behind.
  if (parsed.success && !samePolicy(parsed.data, lastValid)) setLastValid(parsed.data);
  const policy = useDeferredValue(parsed.success ? parsed.data : lastValid);
  return { policy, stale: !parsed.success };
}

/** Below the desktop breakpoint the preview sits under the form: this keeps its headline in sight while typing. */
function MobileSummary({ policy, stale }: { policy: RetryPolicy; stale: boolean }) {
  return (
    <div className="sticky bottom-3 z-10 mt-3 flex items-center justify-between gap-3 rounded-lg bg-slate-900 px-4 py-2.5 text-sm text-white shadow-lg lg:hidden">
      <span className={stale ? "opacity-60" : undefined}>
        {policy.maxAttempts === 1 ? "No retries" : <>Gives up after <span className="font-semibold">{giveUpText(policy)}</span></>}
      </span>
      <a href="#schedule-preview" className="shrink-0 rounded text-xs font-medium text-brand-100 underline-offset-2 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-white">
        See schedule
      </a>
    </div>
  );
}

export interface PolicyEditorProps {
  /** The values the form starts from, and resets to on Discard. */
  values: PolicyFormInput;
  /**
   * Creating offers the "make it the default" checkbox and a way back; editing tracks unsaved
   * changes instead (the detail page has its own "Set as default" button).
   */
  mode: "create" | "edit";
  submitLabel: string;
  onSave: (values: PolicyFormValues) => Promise<PolicyFormInput | void>;
}

/** The policy form and its live schedule preview, side by side at desktop width. */
export function PolicyEditor({ values, mode, submitLabel, onSave }: PolicyEditorProps) {
  const creating = mode === "create";
  const form: PolicyForm = useForm<PolicyFormInput, unknown, PolicyFormValues>({
    resolver: zodResolver(policyFormSchema),
    values,
    // A refetch in the background must not wipe what the operator is typing.
    resetOptions: { keepDirtyValues: true },
    mode: "onTouched",
  });
  const { register, formState, handleSubmit, setError, reset } = form;
  const { errors, isDirty, isSubmitting } = formState;
  const live = useLivePolicy(form, retryPolicySchema.safeParse(values).data ?? DEFAULT_RETRY_POLICY);
  const draft = useWatch({ control: form.control });

  async function onSubmit(submitted: PolicyFormValues) {
    try {
      const saved = await onSave(submitted);
      if (saved) reset(saved);
    } catch (err) {
      applyFieldErrors(err, POLICY_FORM_FIELDS, setError);
    }
  }

  return (
    <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
      <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label="Retry policy" className="min-w-0">
        <Card>
          <section aria-labelledby="policy-about">
            <h2 id="policy-about" className="text-sm font-semibold text-slate-900">
              About
            </h2>
            <div className="mt-4 grid grid-cols-1 gap-y-5">
              <Field id="policy-name" label="Name" error={errors.name?.message} hint="Shown wherever an endpoint picks its policy.">
                {(c) => <Input {...c} {...register("name")} autoComplete="off" placeholder="Patient, for slow partners" />}
              </Field>
              <Field id="policy-description" label="Description" error={errors.description?.message} hint="Optional: when to use it.">
                {(c) => <TextArea {...c} {...register("description")} rows={2} />}
              </Field>
            </div>
          </section>
          <section aria-labelledby="policy-retries" className="mt-6 border-t border-slate-100 pt-5">
            <h2 id="policy-retries" className="text-sm font-semibold text-slate-900">
              Retries
            </h2>
            <p className="mt-0.5 text-xs text-slate-500">
              Wait after attempt <i>n</i> fails: initial delay × base<sup>n−1</sup>, capped at the max delay, then jittered.
            </p>
            <div className="mt-4">
              <RetryFields register={register} errors={errors} draft={draft} />
            </div>
          </section>
          {creating ? (
            <section className="mt-6 border-t border-slate-100 pt-5">
              <Checkbox
                id="policy-isDefault"
                {...register("isDefault")}
                label="Make this the default policy"
                description="Endpoints without a policy of their own follow the default. There is one default at a time."
              />
            </section>
          ) : null}
          <div className="mt-6 flex flex-wrap items-center justify-end gap-2 border-t border-slate-100 pt-4">
            {creating ? (
              <LinkButton href="/policies">Cancel</LinkButton>
            ) : (
              <>
                {isDirty ? <p className="mr-auto text-xs text-amber-700">Unsaved changes</p> : null}
                <Button onClick={() => reset(values)} disabled={!isDirty || isSubmitting}>
                  Discard
                </Button>
              </>
            )}
            <Button type="submit" variant="primary" loading={isSubmitting} disabled={!creating && !isDirty}>
              {submitLabel}
            </Button>
          </div>
        </Card>
        <MobileSummary policy={live.policy} stale={live.stale} />
        <LeaveGuard when={isDirty && !isSubmitting} what={creating ? "the new policy" : "this policy"} />
      </form>
      <div id="schedule-preview" className="min-w-0 scroll-mt-4 lg:sticky lg:top-6">
        <SchedulePreview policy={live.policy} stale={live.stale} />
      </div>
    </div>
  );
}
