import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

interface SignatureFieldValues {
  signatureHeader: string;
  signaturePrefix: string;
  signatureEncoding: "" | "hex" | "base64";
}

/** The custom preset's settings, shared by the new-source and edit forms. */
export function SignatureFields<T extends SignatureFieldValues>({ register, errors, idPrefix }: { register: UseFormRegister<T>; errors: FieldErrors<T>; idPrefix: string }) {
  // The forms' values include these three fields; react-hook-form's path types cannot see that through the generic.
  const reg = register as unknown as UseFormRegister<SignatureFieldValues>;
  const err = errors as FieldErrors<SignatureFieldValues>;
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
      <Field id={`${idPrefix}-sig-header`} label="Signature header" error={err.signatureHeader?.message}>
        {(c) => <Input {...c} {...reg("signatureHeader")} autoComplete="off" spellCheck={false} />}
      </Field>
      <Field id={`${idPrefix}-sig-prefix`} label="Prefix" error={err.signaturePrefix?.message} hint="Before the digest, e.g. sha256=">
        {(c) => <Input {...c} {...reg("signaturePrefix")} autoComplete="off" spellCheck={false} />}
      </Field>
      <Field id={`${idPrefix}-sig-encoding`} label="Encoding" error={err.signatureEncoding?.message}>
        {(c) => (
          <Select {...c} {...reg("signatureEncoding")}>
            <option value="">Hex or base64</option>
            <option value="hex">Hex</option>
            <option value="base64">Base64</option>
          </Select>
        )}
      </Field>
    </div>
  );
}
