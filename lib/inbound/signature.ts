import { DEFAULT_CUSTOM_HEADER, DEFAULT_CUSTOM_PREFIX } from "./providers/catalog";
import type { ProviderPreset, SignatureCheck, SignatureEncoding } from "./providers/types";

export interface SourceSigning {
  secret: string | null;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
  signatureHeader: string | null;
  signaturePrefix: string | null;
  signatureEncoding: string | null;
}

/** The secrets a request may be signed with: the current one and, during a rotation, the previous one. */
export function activeSecrets(source: SourceSigning, now: number): string[] {
  const secrets = source.secret ? [source.secret] : [];
  if (source.previousSecret && (!source.previousSecretExpiresAt || source.previousSecretExpiresAt.getTime() > now)) {
    secrets.push(source.previousSecret);
  }
  return secrets;
}

/** Checks a request's signature as the source's preset says, over the exact bytes received. */
export function verifySignature(preset: ProviderPreset, source: SourceSigning, body: Uint8Array, headers: Headers, now: number): SignatureCheck {
  return preset.verify({
    body,
    headers,
    now,
    secrets: activeSecrets(source, now),
    custom: {
      header: source.signatureHeader ?? DEFAULT_CUSTOM_HEADER,
      prefix: source.signaturePrefix ?? DEFAULT_CUSTOM_PREFIX,
      encoding: source.signatureEncoding === "hex" || source.signatureEncoding === "base64" ? (source.signatureEncoding satisfies SignatureEncoding) : null,
    },
  });
}
