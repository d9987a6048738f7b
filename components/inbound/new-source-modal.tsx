"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useId } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useCreateSource, type SourceWithSecretView } from "@/components/api/source-hooks";
import { Field } from "@/components/ui/field";
import { applyFieldErrors } from "@/components/ui/form-errors";
import { FormModal } from "@/components/ui/form-modal";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { PresetFacts } from "./preset-facts";
import { PRESET_OPTIONS, presetInfo } from "./presets";
import { DEFAULT_SOURCE_VALUES, sourceFormSchema, toCreateSourceInput, type SourceFormValues } from "./source-form-schema";
import { SignatureFields } from "./signature-fields";
import { TtlHoursInput } from "./ttl-hours-input";
import { WebhookUrl } from "./webhook-url";

const FIELDS = ["name", "description", "provider", "secret", "signatureHeader", "signaturePrefix", "signatureEncoding"] as const;

/** Choosing a preset shows what it checks and the URL to paste into the provider before anything is created. */
export function NewSourceModal({ onClose, onCreated }: { onClose: () => void; onCreated: (source: SourceWithSecretView) => void }) {
  const id = useId();
  const create = useCreateSource();
  const {
    register,
    control,
    handleSubmit,
    watch,
    setError,
    formState: { errors },
  } = useForm<SourceFormValues, unknown, z.output<typeof sourceFormSchema>>({ resolver: zodResolver(sourceFormSchema), defaultValues: DEFAULT_SOURCE_VALUES });
  const provider = watch("provider");
  const name = watch("name");
  const info = presetInfo(provider);

  const submit = handleSubmit((values) =>
    create.mutate(toCreateSourceInput(values), {
      onSuccess: onCreated,
      onError: (err) => applyFieldErrors(err, FIELDS, setError),
    }),
  );

  return (
    <FormModal
      open
      title="New inbound source"
      description="Each source has its own URL, its own signature check and its own idempotency keys."
      submitLabel="Create source"
      busy={create.isPending}
      onSubmit={() => void submit()}
      onCancel={onClose}
    >
      <Field id={`${id}-provider`} label="Provider" error={errors.provider?.message} hint={info?.summary.setup}>
        {(c) => (
          <Select {...c} {...register("provider")}>
            {PRESET_OPTIONS.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {info ? (
        <section aria-label="What this preset checks" className="rounded-lg border border-slate-200 bg-slate-50 p-3">
          <PresetFacts info={info} />
        </section>
      ) : null}
      <Field id={`${id}-name`} label="Name" error={errors.name?.message} hint="Lowercase letters, digits, '-' and '_': it becomes the last part of the URL.">
        {(c) => <Input {...c} {...register("name")} autoFocus autoComplete="off" spellCheck={false} placeholder={provider === "none" ? "internal" : provider.replace("_", "-")} />}
      </Field>
      <div className="min-w-0 text-sm">
        <p className="font-medium text-slate-700">URL to paste into the provider</p>
        <WebhookUrl path={`/api/webhook/${name || "{name}"}`} />
      </div>
      {info && info.secretOrigin !== "none" ? (
        <Field
          id={`${id}-secret`}
          label={info.secretOrigin === "provider" ? `Signing secret from ${info.label}` : "Signing secret"}
          error={errors.secret?.message}
          hint={info.secretOrigin === "provider" ? `${info.secretHelp} It can also be set later on the source's page.` : "Optional: leave empty and Hookrelay makes one, shown once."}
        >
          {(c) => <Input {...c} {...register("secret")} type="password" autoComplete="off" spellCheck={false} />}
        </Field>
      ) : null}
      {provider === "custom" ? <SignatureFields register={register} errors={errors} idPrefix={id} /> : null}
      <Field id={`${id}-description`} label="Description" error={errors.description?.message} hint="Optional.">
        {(c) => <Input {...c} {...register("description")} autoComplete="off" placeholder="Production account events" />}
      </Field>
      <Field id={`${id}-ttl`} label="Keep idempotency keys for" error={errors.ttlHours?.message} hint="A duplicate arriving within this window is answered from the stored result.">
        {(c) => (
          <div className="max-w-40">
            <TtlHoursInput control={control} name="ttlHours" field={c} />
          </div>
        )}
      </Field>
    </FormModal>
  );
}
