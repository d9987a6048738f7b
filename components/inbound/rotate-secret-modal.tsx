"use client";

import { useId, useState } from "react";
import { useRotateSourceSecret, type InboundSource, type SourceWithSecretView } from "@/components/api/source-hooks";
import { Field } from "@/components/ui/field";
import { mutationErrorText } from "@/components/api/error-text";
import { FormModal } from "@/components/ui/form-modal";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { PresetInfo } from "@/lib/inbound/providers/types";

const GRACE_OPTIONS = [
  { seconds: 0, label: "Refuse it at once" },
  { seconds: 3600, label: "Accept it for 1 hour" },
  { seconds: 24 * 3600, label: "Accept it for 24 hours" },
  { seconds: 7 * 24 * 3600, label: "Accept it for 7 days" },
];

/**
 * A new secret: pasted (a provider-made one must be), or made by Hookrelay. The old one may
 * stay valid for a while, so a provider that signs with both meanwhile (Stripe's roll) loses nothing.
 */
export function RotateSecretModal({ source, info, onClose, onRotated }: { source: InboundSource; info: PresetInfo; onClose: () => void; onRotated: (rotated: SourceWithSecretView) => void }) {
  const id = useId();
  const rotate = useRotateSourceSecret(source.id);
  const [secret, setSecret] = useState("");
  const [grace, setGrace] = useState(source.secretHint ? 24 * 3600 : 0);
  const [error, setError] = useState<string | undefined>();
  const mustPaste = info.secretOrigin === "provider";
  const firstSecret = source.secretHint === null;

  const submit = () => {
    if (mustPaste && secret.trim() === "") {
      setError(`Paste the secret ${info.label} shows`);
      return;
    }
    rotate.mutate(
      { ...(secret.trim() ? { secret: secret.trim() } : {}), previousSecretValidSeconds: firstSecret ? 0 : grace },
      { onSuccess: onRotated, onError: (err) => setError(mutationErrorText(err)) },
    );
  };

  return (
    <FormModal
      open
      title={firstSecret ? `Set the signing secret of “${source.name}”` : `Rotate the signing secret of “${source.name}”`}
      description={info.secretHelp}
      submitLabel={firstSecret ? "Set secret" : "Rotate secret"}
      busy={rotate.isPending}
      onSubmit={submit}
      onCancel={onClose}
    >
      <Field id={`${id}-secret`} label={mustPaste ? `New secret from ${info.label}` : "New secret"} error={error} hint={mustPaste ? undefined : "Leave empty and Hookrelay makes one, shown once."}>
        {(c) => <Input {...c} type="password" autoComplete="off" spellCheck={false} value={secret} onChange={(e) => setSecret(e.target.value)} />}
      </Field>
      {firstSecret ? null : (
        <Field id={`${id}-grace`} label="The old secret" hint="While it is accepted, requests signed with either secret pass.">
          {(c) => (
            <Select {...c} value={grace} onChange={(e) => setGrace(Number(e.target.value))}>
              {GRACE_OPTIONS.map((o) => (
                <option key={o.seconds} value={o.seconds}>
                  {o.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
      )}
    </FormModal>
  );
}
