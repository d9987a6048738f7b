import { AppError } from "../errors/app-error";

export type BodyFormat = "json" | "form";

const FORM_TYPE = "application/x-www-form-urlencoded";

/** The media type and charset of a Content-Type header, lower-cased. */
function contentType(value: string | null): { type: string; charset: string | null } {
  if (!value) return { type: "", charset: null };
  const [type, ...params] = value.split(";");
  let charset: string | null = null;
  for (const p of params) {
    const [name, raw] = p.split("=", 2).map((s) => s.trim());
    if (name.toLowerCase() === "charset" && raw) charset = raw.replace(/^"|"$/g, "").toLowerCase();
  }
  return { type: type.trim().toLowerCase(), charset };
}

/** Which format a request's Content-Type announces; a 415 for anything this source does not take. */
export function bodyFormatOf(header: string | null, acceptsForm: boolean): BodyFormat {
  const { type } = contentType(header);
  if (type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"))) return "json";
  if (type === FORM_TYPE && acceptsForm) return "form";
  const what = acceptsForm ? "JSON (application/json) or a form (application/x-www-form-urlencoded)" : "JSON with Content-Type: application/json";
  throw new AppError("unsupported_media_type", `Send the event as ${what}`);
}

/**
 * The body as text in the charset it declares (UTF-8 when none is named). Bytes that are not
 * valid in that charset are refused rather than replaced: a replaced character would be a
 * different event than the one the provider signed.
 */
export function decodeText(bytes: Uint8Array, header: string | null): string {
  const charset = contentType(header).charset ?? "utf-8";
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new AppError("unsupported_media_type", `The charset "${charset}" is not supported; send UTF-8`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new AppError("bad_request", `The body is not valid ${charset} text`);
  }
}

/**
 * A form body as JSON text: a lone `payload` field holding JSON (GitHub's form option,
 * Slack's interactivity) is that JSON; otherwise (Slack's slash commands) the fields become
 * an object of strings.
 */
export function formToJson(text: string): string {
  const params = new URLSearchParams(text);
  const names = [...new Set(params.keys())];
  if (names.length === 1 && names[0] === "payload") {
    const payload = params.get("payload") as string;
    try {
      JSON.parse(payload);
    } catch {
      throw new AppError("invalid_json", "The form's payload field is not valid JSON");
    }
    return payload;
  }
  return JSON.stringify(Object.fromEntries(params));
}

/** The body as JSON text, however it was sent. */
export function jsonText(bytes: Uint8Array, header: string | null, format: BodyFormat): string {
  const text = decodeText(bytes, header);
  return format === "form" ? formToJson(text) : text;
}
