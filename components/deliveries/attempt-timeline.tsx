"use client";

import { clsx } from "clsx";
import { Check, CircleDashed, Clock, Flag, Loader2, RotateCw, ShieldAlert, SkipForward, X, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { letterHref } from "@/components/api/hrefs";
import { formatDuration } from "@/components/charts/format";
import { CodeBlock } from "@/components/ui/code-block";
import { HeaderList } from "@/components/ui/header-list";
import { DateTime, RelativeTime } from "@/components/ui/relative-time";
import { TextLink } from "@/components/ui/text-link";
import { Countdown } from "./countdown";
import { TONE_CLASSES, type Tone } from "@/components/ui/tone";
import { outcomeMeta } from "./format";
import { StatusCode } from "./status-badge";
import type { NextAttempt, TimelineEntry } from "./timeline";

const OUTCOME_ICONS: Record<string, LucideIcon> = { SUCCESS: Check, RETRY: RotateCw, DELAY: Clock, SKIP: SkipForward, DEAD: X };

function Node({ icon: Icon, tone, spin = false }: { icon: LucideIcon; tone: Tone; spin?: boolean }) {
  return (
    <span className={clsx("relative z-10 flex h-7 w-7 shrink-0 items-center justify-center rounded-full ring-1", TONE_CLASSES[tone].soft)} aria-hidden>
      <Icon className={clsx("h-3.5 w-3.5", spin && "animate-spin")} />
    </span>
  );
}

/** One step of the vertical timeline: a node on the rail and its content beside it. */
function Step({ icon, tone, spin, last = false, children }: { icon: LucideIcon; tone: Tone; spin?: boolean; last?: boolean; children: ReactNode }) {
  return (
    <li className="relative flex gap-3 pb-6 last:pb-0">
      {!last ? <span className="absolute left-[13px] top-7 bottom-0 w-px bg-slate-200" aria-hidden /> : null}
      <Node icon={icon} tone={tone} spin={spin} />
      <div className="min-w-0 flex-1 pt-0.5">{children}</div>
    </li>
  );
}

/** The exact moment (attempts are compared to the millisecond) and how long ago it was. */
function When({ at }: { at: number }) {
  return (
    <span className="text-xs text-slate-500">
      <DateTime at={at} precise className="tabular-nums" /> · <RelativeTime at={at} />
    </span>
  );
}

function gapText(entry: TimelineEntry): string {
  if (entry.plannedDelayMs === null) return `Sent ${formatDuration(entry.waitedMs)} after the delivery was created`;
  const planned = `${formatDuration(entry.plannedDelayMs)} backoff`;
  // Within a second of the plan, the worker's poll interval explains the difference.
  return Math.abs(entry.waitedMs - entry.plannedDelayMs) < 1000 ? `After a ${planned}` : `After a ${planned} (waited ${formatDuration(entry.waitedMs)})`;
}

function TitledHeaders({ title, headers }: { title: string; headers: Record<string, string> }) {
  return (
    <div className="min-w-0">
      <p className="mb-1 text-xs font-medium text-slate-700">{title}</p>
      <HeaderList headers={headers} empty="None." />
    </div>
  );
}

/** What went out and what came back, signatures and credentials masked. */
function Headers({ entry }: { entry: TimelineEntry }) {
  if (!entry.requestHeaders && !entry.responseHeaders) return null;
  return (
    <details className="group mt-2">
      <summary className="inline-flex cursor-pointer select-none items-center gap-1 rounded text-xs font-medium text-brand-700 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
        <span className="group-open:hidden">Show headers</span>
        <span className="hidden group-open:inline">Hide headers</span>
      </summary>
      <div className="mt-2 grid grid-cols-1 gap-3 rounded-md border border-slate-200 p-3 lg:grid-cols-2">
        {entry.requestHeaders ? <TitledHeaders title="Request" headers={entry.requestHeaders} /> : null}
        {entry.responseHeaders ? <TitledHeaders title="Response" headers={entry.responseHeaders} /> : null}
      </div>
    </details>
  );
}

function AttemptStep({ entry, last }: { entry: TimelineEntry; last: boolean }) {
  const meta = outcomeMeta(entry.outcome);
  return (
    <Step icon={OUTCOME_ICONS[entry.outcome] ?? CircleDashed} tone={meta.tone} last={last}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h3 className="text-sm font-semibold text-slate-900">
          Attempt {entry.number} <span className={clsx("ml-1 font-medium", TONE_CLASSES[meta.tone].text)}>{meta.label}</span>
        </h3>
        <dl className="flex items-center gap-4 text-xs text-slate-500">
          <div className="flex items-center gap-1.5">
            <dt>Status</dt>
            <dd>
              <StatusCode code={entry.statusCode} />
            </dd>
          </div>
          <div className="flex items-center gap-1.5">
            <dt>Latency</dt>
            <dd className="font-medium tabular-nums text-slate-700">{formatDuration(entry.durationMs)}</dd>
          </div>
        </dl>
      </div>
      <p className="mt-0.5 flex flex-wrap gap-x-2">
        <When at={entry.startedAtMs} />
      </p>
      <p className="mt-0.5 text-xs text-slate-500">{gapText(entry)}</p>
      {entry.error ? <p className="mt-2 rounded-md bg-red-50 px-2.5 py-1.5 text-xs text-red-800">{entry.error}</p> : null}
      <Headers entry={entry} />
      {entry.responseBody ? (
        <details className="group mt-2">
          <summary className="inline-flex cursor-pointer select-none items-center gap-1 rounded text-xs font-medium text-brand-700 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
            <span className="group-open:hidden">Show response</span>
            <span className="hidden group-open:inline">Hide response</span>
            <span className="font-normal text-slate-500">({entry.responseBody.length.toLocaleString("en-US")} characters)</span>
          </summary>
          <CodeBlock code={entry.responseBody} label={`response to attempt ${entry.number}`} className="mt-2" maxHeightClass="max-h-64" />
        </details>
      ) : entry.statusCode !== null ? (
        <p className="mt-1 text-xs text-slate-500">Empty response body</p>
      ) : null}
    </Step>
  );
}

export interface AttemptTimelineProps {
  createdAt: string;
  status: string;
  entries: readonly TimelineEntry[];
  next: NextAttempt | null;
  deadLetterId: string | null;
}

export function AttemptTimeline({ createdAt, status, entries, next, deadLetterId }: AttemptTimelineProps) {
  const created = Date.parse(createdAt);
  const tail = status === "in_flight" || next !== null || status === "dead";
  return (
    <ol className="flex flex-col">
      <Step icon={Flag} tone="neutral" last={entries.length === 0 && !tail}>
        <h3 className="text-sm font-semibold text-slate-900">Created</h3>
        <When at={created} />
      </Step>
      {entries.map((entry, i) => (
        <AttemptStep key={entry.number} entry={entry} last={i === entries.length - 1 && !tail} />
      ))}
      {status === "in_flight" ? (
        <Step icon={Loader2} tone="info" spin last>
          <h3 className="text-sm font-semibold text-slate-900">
            Attempt {entries.length + 1} <span className="ml-1 font-medium text-brand-700">sending now…</span>
          </h3>
        </Step>
      ) : null}
      {next !== null ? (
        <Step icon={Clock} tone="warning" last>
          <h3 className="text-sm font-semibold text-slate-900">
            Attempt {next.number} <span className="ml-1 font-medium text-amber-700">scheduled</span>
          </h3>
          <p className="mt-1 flex flex-wrap items-baseline gap-x-2">
            <Countdown to={new Date(next.dueAtMs).toISOString()} className="text-lg font-semibold tabular-nums text-slate-900" />
            <span className="text-xs text-slate-500">
              at <DateTime at={next.dueAtMs} />
            </span>
          </p>
          {next.plannedDelayMs !== null ? <p className="text-xs text-slate-500">{formatDuration(next.plannedDelayMs)} backoff after attempt {next.number - 1}</p> : null}
        </Step>
      ) : null}
      {status === "dead" ? (
        <Step icon={ShieldAlert} tone="danger" last>
          <h3 className="text-sm font-semibold text-slate-900">Gave up</h3>
          <p className="text-xs text-slate-600">
            No more attempts.{" "}
            {deadLetterId ? (
              <TextLink href={letterHref(deadLetterId)}>Open the dead letter</TextLink>
            ) : null}
          </p>
        </Step>
      ) : null}
    </ol>
  );
}
