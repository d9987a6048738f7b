import { clsx } from "clsx";
import type { PresetInfo } from "@/lib/inbound/providers/types";
import { codeSpans, keyRulesText, typeRulesText } from "./presets";

/** A catalog sentence with its `code` spans set in monospace. */
export function CatalogText({ text }: { text: string }) {
  return (
    <>
      {codeSpans(text).map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="break-all rounded bg-slate-100 px-1 font-mono text-[0.8em] text-slate-800">
            {part}
          </code>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  );
}

const SECRET_ORIGIN: Record<PresetInfo["secretOrigin"], string> = {
  none: "No secret",
  generated: "Made by Hookrelay (or pasted)",
  provider: "Made by the provider: paste it here",
};

/**
 * What a preset checks and reads, in the catalog's words: shown while choosing one (wide)
 * and in the side column of the source's page (`stacked`: labels above their values).
 */
export function PresetFacts({ info, stacked = false }: { info: PresetInfo; stacked?: boolean }) {
  return (
    <dl className={clsx("grid grid-cols-1 gap-x-4 text-sm", stacked ? "gap-y-1 [&>dd]:mb-2" : "gap-y-2 sm:grid-cols-[8rem_minmax(0,1fr)]")}>
      <dt className="font-medium text-slate-500">Verifies</dt>
      <dd className="min-w-0 text-slate-800">
        <CatalogText text={info.summary.verified} />
      </dd>
      <dt className="font-medium text-slate-500">Event key</dt>
      <dd className="min-w-0 text-slate-800">{keyRulesText(info)}</dd>
      <dt className="font-medium text-slate-500">Event type</dt>
      <dd className="min-w-0 text-slate-800">{typeRulesText(info)}</dd>
      <dt className="font-medium text-slate-500">Secret</dt>
      <dd className="min-w-0 text-slate-800">{SECRET_ORIGIN[info.secretOrigin]}</dd>
      {info.providerHeaders.length > 0 ? (
        <>
          <dt className="font-medium text-slate-500">Forwarded</dt>
          <dd className="min-w-0 break-words text-slate-800">
            {info.providerHeaders.map((h) => (
              <code key={h} className="mr-1.5 inline-block font-mono text-xs text-slate-700">
                {h}
              </code>
            ))}
            <span className="block text-xs text-slate-500">kept with each event and sent to endpoints as x-hookrelay-source-…</span>
          </dd>
        </>
      ) : null}
    </dl>
  );
}
