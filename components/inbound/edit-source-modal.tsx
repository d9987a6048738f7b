"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useId } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useUpdateSource, type InboundSource } from "@/components/api/source-hooks";
import { Field } from "@/components/ui/field";
import { applyFieldErrors } from "@/components/ui/form-errors";
import { FormModal } from "@/components/ui/form-modal";
import { Input } from "@/components/ui/input";
import { SignatureFields } from "./signature-fields";
import { TtlHoursInput } from "./ttl-hours-input";
import { editSourceFormSchema, toUpdateSourceInput, type EditSourceFormValues } from "./source-form-schema";

const FIELDS = ["name", "description", "idempotencyTtlSeconds", "rateLimitPerSecond", "signatureHeader", "signaturePrefix", "signatureEncoding"] as const;

function initialValues(s: InboundSource): EditSourceFormValues {
  return {
    name: s.name,
    description: s.description ?? "",
    ttlHours: Math.max(1, Math.round(s.idempotencyTtlSeconds / 3600)),
    rateLimit: s.rateLimitPerSecond === null ? "" : String(s.rateLimitPerSecond),
    signatureHeader: s.signatureHeader ?? "",
    signaturePrefix: s.signaturePrefix ?? "",
    signatureEncoding: s.signatureEncoding === "hex" || s.signatureEncoding === "base64" ? s.signatureEncoding : "",
  };
}

/** Everything that can change without a new secret; the preset itself is kept (a new one would need its own secret). */
export function EditSourceModal({ source, onClose }: { source: InboundSource; onClose: () => void }) {
  const id = useId();
  const update = useUpdateSource(source.id);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<EditSourceFormValues, unknown, z.output<typeof editSourceFormSchema>>({ resolver: zodResolver(editSourceFormSchema), defaultValues: initialValues(source) });
  const isDefault = source.name === "default";

  const submit = handleSubmit((values) =>
    update.mutate(toUpdateSourceInput(values, source.provider), {
      onSuccess: onClose,
      onError: (err) => applyFieldErrors(err, FIELDS, setError),
    }),
  );

  return (
    <FormModal open title={`Edit “${source.name}”`} submitLabel="Save" busy={update.isPending} onSubmit={() => void submit()} onCancel={onClose}>
      <Field id={`${id}-name`} label="Name" error={errors.name?.message} hint={isDefault ? "The default source keeps its name: POST /api/webhook posts to it." : "Renaming changes the URL: update it at the provider too."}>
        {(c) => <Input {...c} {...register("name")} readOnly={isDefault} autoComplete="off" spellCheck={false} />}
      </Field>
      <Field id={`${id}-description`} label="Description" error={errors.description?.message}>
        {(c) => <Input {...c} {...register("description")} autoComplete="off" />}
      </Field>
      {source.provider === "custom" ? <SignatureFields register={register} errors={errors} idPrefix={id} /> : null}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field id={`${id}-ttl`} label="Keep idempotency keys for" error={errors.ttlHours?.message}>
          {(c) => <TtlHoursInput control={control} name="ttlHours" field={c} />}
        </Field>
        <Field id={`${id}-rate`} label="Rate limit" error={errors.rateLimit?.message} hint="Requests per second; empty for none. Over it, the provider gets 429.">
          {(c) => <Input {...c} {...register("rateLimit")} inputMode="numeric" suffix="/ s" autoComplete="off" />}
        </Field>
      </div>
    </FormModal>
  );
}
