"use client";

import { Controller, useWatch, type FieldError, type UseFormReturn } from "react-hook-form";
import { usePolicies, type Policy } from "@/components/api/policy-hooks";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { TextArea } from "@/components/ui/text-area";
import { TextLink } from "@/components/ui/text-link";
import { backoffSummary, giveUpSummary } from "@/components/policies/format";
import { EventTypesInput } from "./event-types-input";
import type { EndpointFormInput, EndpointFormValues } from "./form-schema";

export type EndpointForm = UseFormReturn<EndpointFormInput, unknown, EndpointFormValues>;

/** An array field's errors: its own message, or one per refused item. */
function eventTypeErrors(error: unknown): { message?: string; invalid: Set<number> } {
  const invalid = new Set<number>();
  if (!error || typeof error !== "object") return { invalid };
  const own = (error as FieldError).message;
  const messages: string[] = own ? [own] : [];
  if (Array.isArray(error)) {
    error.forEach((item: FieldError | undefined, index) => {
      if (item?.message) {
        invalid.add(index);
        messages.push(item.message);
      }
    });
  }
  return { message: messages[0], invalid };
}

function policySummary(policy: Policy): string {
  const retries = policy.maxAttempts - 1;
  if (retries === 0) return "One attempt, no retries.";
  return `${policy.maxAttempts} attempts (${backoffSummary(policy)}); gives up after ${giveUpSummary(policy.giveUpAfter)}.`;
}

function PolicyHint({ policies, policyId }: { policies: Policy[] | undefined; policyId: string }) {
  const chosen = policies?.find((p) => (policyId === "" ? p.isDefault : p.id === policyId));
  return (
    <>
      {chosen ? `${policySummary(chosen)} ` : policyId === "" ? "The built-in default applies until a default policy exists. " : null}
      <TextLink href="/policies">Manage policies</TextLink>
    </>
  );
}

/** The endpoint's settings, shared by the create form and the detail page's edit form. */
export function EndpointFields({ form, idPrefix, showEnabled }: { form: EndpointForm; idPrefix: string; showEnabled: boolean }) {
  const { register, control, formState } = form;
  const { errors, isSubmitting } = formState;
  const policies = usePolicies();
  const policyId = useWatch({ control, name: "policyId" });
  const id = (name: string) => `${idPrefix}-${name}`;
  const events = eventTypeErrors(errors.eventTypes);
  const defaultPolicy = policies.data?.find((p) => p.isDefault);

  return (
    <div className="grid grid-cols-1 gap-x-4 gap-y-5 sm:grid-cols-2">
      <Field id={id("url")} label="Endpoint URL" error={errors.url?.message} hint="Where Hookrelay POSTs each message; http or https." className="sm:col-span-2">
        {(c) => (
          <Input
            {...c}
            {...register("url")}
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://api.example.com/webhooks"
            className="font-mono"
          />
        )}
      </Field>
      <Field id={id("description")} label="Description" error={errors.description?.message} hint="Optional: who owns it or what it does." className="sm:col-span-2">
        {(c) => <TextArea {...c} {...register("description")} rows={2} placeholder="Billing service, production" />}
      </Field>
      <Field
        id={id("eventTypes")}
        label="Event types"
        error={events.message}
        hint={
          <>
            Exact types (<code className="font-mono">invoice.paid</code>), prefixes (<code className="font-mono">invoice.*</code>) or{" "}
            <code className="font-mono">*</code>. Press Enter or comma to add; none means every event type.
          </>
        }
        className="sm:col-span-2"
      >
        {(c) => (
          <Controller
            control={control}
            name="eventTypes"
            render={({ field }) => (
              <EventTypesInput {...c} value={field.value} onChange={field.onChange} onBlur={field.onBlur} invalid={events.invalid} disabled={isSubmitting} />
            )}
          />
        )}
      </Field>
      <Field id={id("policyId")} label="Retry policy" error={errors.policyId?.message} hint={<PolicyHint policies={policies.data} policyId={policyId} />} className="sm:col-span-2">
        {(c) =>
          // Mounted once the options exist: a registered select takes its value when it mounts.
          policies.isPending ? (
            <Select {...c} disabled>
              <option>Loading policies…</option>
            </Select>
          ) : (
            <Select {...c} {...register("policyId")}>
              <option value="">{defaultPolicy ? `Follow the default (${defaultPolicy.name})` : "Follow the default policy"}</option>
              {policies.data?.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.isDefault ? `${p.name}, pinned even if the default changes` : p.name}
                </option>
              ))}
            </Select>
          )
        }
      </Field>
      <Field id={id("rateLimitPerSecond")} label="Rate limit" error={errors.rateLimitPerSecond?.message} hint="Requests per second at most; empty for no limit.">
        {(c) => <Input {...c} {...register("rateLimitPerSecond")} type="number" inputMode="numeric" min={1} step={1} placeholder="No limit" suffix="/ s" />}
      </Field>
      <Field id={id("maxConcurrency")} label="Max concurrency" error={errors.maxConcurrency?.message} hint="Requests in flight at once; empty for no limit.">
        {(c) => <Input {...c} {...register("maxConcurrency")} type="number" inputMode="numeric" min={1} step={1} placeholder="No limit" />}
      </Field>
      {showEnabled ? (
        <Checkbox
          id={id("enabled")}
          {...register("enabled")}
          label="Enabled"
          description="Start delivering at once. Leave off to set it up now and switch it on later."
          className="sm:col-span-2"
        />
      ) : null}
    </div>
  );
}
