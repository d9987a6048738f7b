"use client";

import { useSyncExternalStore } from "react";
import { Rocket } from "lucide-react";
import { CodeBlock } from "@/components/ui/code-block";
import { TextLink } from "@/components/ui/text-link";
import { firstEventCurl } from "./shape";

const subscribe = () => () => {};

/** The address this dashboard is served from, so the snippet works when pasted as it is. */
function useOrigin(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.origin,
    () => "http://localhost:3000",
  );
}

/** Shown while there is no traffic at all: the three steps from an empty install to a first delivery. */
export function GetStarted() {
  const origin = useOrigin();
  return (
    <section aria-labelledby="get-started-title" className="rounded-xl border border-brand-100 bg-gradient-to-b from-brand-50 to-white p-5 shadow-sm sm:p-6">
      <div className="flex items-start gap-3">
        <span className="flex h-9 w-9 shrink-0 items-center justify-center rounded-lg bg-brand-600 text-white">
          <Rocket className="h-5 w-5" aria-hidden />
        </span>
        <div className="min-w-0">
          <h2 id="get-started-title" className="text-base font-semibold text-slate-900">
            No traffic yet: send a first event
          </h2>
          <p className="mt-0.5 text-sm text-slate-600">Hookrelay accepts events on one URL and delivers them to your endpoints, retrying until they get through.</p>
        </div>
      </div>
      <ol className="mt-5 grid gap-4 text-sm lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <li className="flex gap-3">
          <StepNumber n={1} />
          <div className="min-w-0">
            <p className="font-medium text-slate-900">Add an endpoint</p>
            <p className="mt-0.5 text-slate-600">
              Tell Hookrelay where to deliver:{" "}
              <TextLink href="/endpoints">set one up on Endpoints</TextLink>
              . Events received before there is one are accepted but go nowhere.
            </p>
          </div>
        </li>
        <li className="flex gap-3">
          <StepNumber n={2} />
          <div className="min-w-0 flex-1">
            <p className="font-medium text-slate-900">POST an event to /api/webhook</p>
            <p className="mt-0.5 text-slate-600">
              The <code className="rounded bg-white px-1 font-mono text-xs ring-1 ring-slate-200">id</code> makes it idempotent: send it twice and the
              second is caught as a duplicate.
            </p>
            <CodeBlock code={firstEventCurl(origin)} label="curl command" className="mt-2 bg-white" />
          </div>
        </li>
      </ol>
      <p className="mt-4 text-xs text-slate-500">This page refreshes by itself: numbers and the chart appear as soon as the first event arrives.</p>
    </section>
  );
}

function StepNumber({ n }: { n: number }) {
  return (
    <span className="flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-white text-xs font-semibold text-brand-700 ring-1 ring-brand-100" aria-hidden>
      {n}
    </span>
  );
}
