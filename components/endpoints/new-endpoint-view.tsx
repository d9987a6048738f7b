"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { ArrowRight, CheckCircle2, Plus, ShieldCheck } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useCreateEndpoint, type CreatedEndpoint } from "@/components/api/endpoint-hooks";
import { endpointHref } from "@/components/api/hrefs";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { applyFieldErrors } from "@/components/ui/form-errors";
import { LeaveGuard } from "@/components/ui/leave-guard";
import { LinkButton } from "@/components/ui/link-button";
import { EndpointFields } from "./endpoint-fields";
import { EMPTY_ENDPOINT_FORM, ENDPOINT_FORM_FIELDS, endpointFormSchema, type EndpointFormInput, type EndpointFormValues } from "./form-schema";
import { SecretCallout } from "./secret-callout";

function Created({ endpoint, onAnother }: { endpoint: CreatedEndpoint; onAnother: () => void }) {
  return (
    <Card className="max-w-3xl">
      <div className="flex items-start gap-3">
        <CheckCircle2 className="mt-0.5 h-5 w-5 shrink-0 text-emerald-600" aria-hidden />
        <div className="min-w-0">
          <h2 className="text-base font-semibold text-slate-900">Endpoint created</h2>
          <p className="mt-0.5 break-all font-mono text-sm text-slate-700">{endpoint.url}</p>
          <p className="mt-1 text-sm text-slate-600">
            {endpoint.enabled ? "Messages that match its event types are delivered from now on." : "It is disabled: enable it from its page when your receiver is ready."}
          </p>
        </div>
      </div>
      <div className="mt-4">
        <SecretCallout secret={endpoint.secret} title="Copy the signing secret now" />
      </div>
      <div className="mt-5 flex flex-wrap justify-end gap-2">
        <Button icon={Plus} onClick={onAnother}>
          Create another
        </Button>
        <LinkButton href={endpointHref(endpoint.id)} variant="primary" icon={ArrowRight} iconAfter>
          Open endpoint
        </LinkButton>
      </div>
    </Card>
  );
}

function SigningNote() {
  return (
    <aside aria-labelledby="signing-note-title" className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-600 shadow-sm">
      <h2 id="signing-note-title" className="flex items-center gap-2 font-medium text-slate-900">
        <ShieldCheck className="h-4 w-4 text-brand-600" aria-hidden />
        Signed deliveries
      </h2>
      <p className="mt-2">
        Hookrelay signs every delivery the Standard Webhooks way: <code className="font-mono text-xs">webhook-id</code>,{" "}
        <code className="font-mono text-xs">webhook-timestamp</code> and <code className="font-mono text-xs">webhook-signature</code> headers.
      </p>
      <p className="mt-2">The signing secret is shown once, right after you create the endpoint. Have somewhere to paste it.</p>
      <p className="mt-2">Failed attempts are retried on the endpoint&apos;s retry policy; what never succeeds lands in the dead letter queue.</p>
    </aside>
  );
}

export function NewEndpointView() {
  const create = useCreateEndpoint();
  const [created, setCreated] = useState<CreatedEndpoint | null>(null);
  const form = useForm<EndpointFormInput, unknown, EndpointFormValues>({
    resolver: zodResolver(endpointFormSchema),
    defaultValues: EMPTY_ENDPOINT_FORM,
    mode: "onTouched",
  });

  async function onSubmit(values: EndpointFormValues) {
    try {
      setCreated(await create.mutateAsync(values));
    } catch (err) {
      applyFieldErrors(err, ENDPOINT_FORM_FIELDS, form.setError);
    }
  }

  if (created) {
    return (
      <Created
        endpoint={created}
        onAnother={() => {
          form.reset(EMPTY_ENDPOINT_FORM);
          create.reset();
          setCreated(null);
        }}
      />
    );
  }

  return (
    <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <form onSubmit={form.handleSubmit(onSubmit)} noValidate aria-label="New endpoint">
        <Card title="Destination" description="Where and what Hookrelay delivers, and how hard it retries.">
          <EndpointFields form={form} idPrefix="new-endpoint" showEnabled />
          <div className="mt-6 flex flex-wrap justify-end gap-2 border-t border-slate-100 pt-4">
            <LinkButton href="/endpoints">Cancel</LinkButton>
            <Button type="submit" variant="primary" loading={form.formState.isSubmitting}>
              Create endpoint
            </Button>
          </div>
        </Card>
        <LeaveGuard when={form.formState.isDirty && !form.formState.isSubmitting} what="the new endpoint" />
      </form>
      <SigningNote />
    </div>
  );
}
