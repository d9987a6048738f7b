"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo } from "react";
import { useForm } from "react-hook-form";
import { useUpdateEndpoint, type Endpoint } from "@/components/api/endpoint-hooks";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { applyFieldErrors } from "@/components/ui/form-errors";
import { LeaveGuard } from "@/components/ui/leave-guard";
import { EndpointFields } from "./endpoint-fields";
import { ENDPOINT_FORM_FIELDS, endpointFormSchema, endpointToForm, type EndpointFormInput, type EndpointFormValues } from "./form-schema";

/** The endpoint's settings as a form; enabling and disabling have their own buttons. */
export function EditEndpointCard({ endpoint }: { endpoint: Endpoint }) {
  const update = useUpdateEndpoint(endpoint.id);
  // Rebuilt only when the saved endpoint changes, not on every poll that brings new health numbers.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the row's version, not on the object
  const saved = useMemo(() => endpointToForm(endpoint), [endpoint.updatedAt, endpoint.id]);
  const form = useForm<EndpointFormInput, unknown, EndpointFormValues>({
    resolver: zodResolver(endpointFormSchema),
    values: saved,
    // The page refreshes while the operator types: their edits win over the refreshed row.
    resetOptions: { keepDirtyValues: true },
    mode: "onTouched",
  });
  const { isDirty, isSubmitting } = form.formState;

  async function onSubmit(values: EndpointFormValues) {
    const { url, description, eventTypes, policyId, rateLimitPerSecond, maxConcurrency } = values;
    try {
      const result = await update.mutateAsync({ url, description, eventTypes, policyId, rateLimitPerSecond, maxConcurrency });
      form.reset(endpointToForm(result));
    } catch (err) {
      applyFieldErrors(err, ENDPOINT_FORM_FIELDS, form.setError);
    }
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate aria-label="Endpoint settings">
      <Card title="Settings" description="Changes apply to deliveries sent after you save.">
        <EndpointFields form={form} idPrefix="edit-endpoint" showEnabled={false} />
        <div className="mt-6 flex flex-wrap items-center justify-end gap-2 border-t border-slate-100 pt-4">
          {isDirty ? <p className="mr-auto text-xs text-amber-700">Unsaved changes</p> : null}
          <Button onClick={() => form.reset(saved)} disabled={!isDirty || isSubmitting}>
            Discard
          </Button>
          <Button type="submit" variant="primary" loading={isSubmitting} disabled={!isDirty}>
            Save changes
          </Button>
        </div>
      </Card>
      <LeaveGuard when={isDirty && !isSubmitting} what="this endpoint's settings" />
    </form>
  );
}
