"use client";

import { Activity, FlaskConical, History, Waypoints } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo, useState, type ReactNode } from "react";
import { toast } from "sonner";
import { useEndpointOptions } from "@/components/api/endpoint-hooks";
import { useBacktest, useSimulation } from "@/components/api/simulator-hooks";
import { EmptyState } from "@/components/ui/empty-state";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, panelId, tabId, type TabItem } from "@/components/ui/tabs";
import { TextLink } from "@/components/ui/text-link";
import { BacktestForm } from "./backtest-form";
import { defaultBacktestValues, backtestFormSchema, toBacktestRequest } from "./backtest-form-schema";
import { BacktestResults } from "./backtest-results";
import { ComparisonResults } from "./comparison-results";
import { simulatorFormSchema, toSimulatorRequest } from "./form-schema";
import { SimulationForm } from "./simulation-form";
import { SimulationResults } from "./simulation-results";
import {
  decodeBacktest,
  decodeSimulation,
  decodeTab,
  encodeBacktest,
  encodeSimulation,
  replaceParams,
  type SimulatorTab,
} from "./url-state";

const TAB_ITEMS: readonly TabItem<SimulatorTab>[] = [
  { id: "simulate", label: "Simulate & compare", icon: FlaskConical },
  { id: "backtest", label: "Backtest", icon: History },
];

/** The query string as a stable string and a way to replace part of it. */
function useQueryState() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const key = params.toString();
  const navigate = (query: string, mode: "push" | "replace") => {
    const href = query ? `${pathname}?${query}` : pathname;
    if (mode === "push") router.push(href, { scroll: false });
    else router.replace(href, { scroll: false });
  };
  return { params, key, navigate };
}

export function SimulatorView() {
  const { params, navigate } = useQueryState();
  const tab = decodeTab(params);
  return (
    <div className="flex flex-col items-start gap-5">
      <Tabs
        idBase="simulator"
        label="Simulator mode"
        items={TAB_ITEMS}
        value={tab}
        onChange={(next) => navigate(replaceParams(params, "tab", next === "simulate" ? [] : [["tab", next]]), "replace")}
      />
      <div role="tabpanel" id={panelId("simulator", tab)} aria-labelledby={tabId("simulator", tab)} className="w-full">
        {tab === "simulate" ? <SimulatePanel /> : <BacktestPanel />}
      </div>
    </div>
  );
}

const RESULTS_ID = "simulator-results";

/** Below 1280 px the results sit under a long form: bring them into view when a run starts. */
function revealResults() {
  if (window.matchMedia("(min-width: 1280px)").matches) return;
  document.getElementById(RESULTS_ID)?.scrollIntoView({ behavior: "smooth", block: "start" });
}

/** Form on the left, results on the right from 1280 px; stacked below that. */
function Workspace({ form, results, busy }: { form: ReactNode; results: ReactNode; busy: boolean }) {
  return (
    <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-[22rem_minmax(0,1fr)]">
      <div className="min-w-0">{form}</div>
      <section id={RESULTS_ID} aria-label="Results" aria-busy={busy} className="min-w-0 scroll-mt-4">
        {results}
      </section>
    </div>
  );
}

function ResultsSkeleton() {
  return (
    <div className="flex flex-col gap-4" role="status" aria-label="Running">
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-3">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-[84px] rounded-xl" />
        ))}
      </div>
      <Skeleton className="h-80 rounded-xl" />
      <Skeleton className="h-80 rounded-xl" />
    </div>
  );
}

/** Keeps the previous result visible, dimmed, while the next one computes. */
function Stale({ stale, children }: { stale: boolean; children: ReactNode }) {
  return <div className={stale ? "pointer-events-none opacity-60 transition-opacity" : "transition-opacity"}>{children}</div>;
}

function SimulatePanel() {
  const { params, key, navigate } = useQueryState();
  const decoded = useMemo(() => decodeSimulation(new URLSearchParams(key)), [key]);
  const parsed = useMemo(() => (decoded.committed ? simulatorFormSchema.safeParse(decoded.values) : null), [decoded]);
  const request = useMemo(() => (parsed?.success ? toSimulatorRequest(parsed.data) : null), [parsed]);
  const run = useSimulation(request);

  let results: ReactNode;
  if (!decoded.committed) {
    results = (
      <EmptyState icon={Activity} title="Try a policy before you adopt it">
        Describe how the endpoint fails, pick a retry policy and run it: the simulator replays thousands of deliveries on a virtual clock and
        shows how many get through, how fast, and how hard the retries hit the endpoint. Add a second policy to compare them on the same
        failures.
      </EmptyState>
    );
  } else if (parsed && !parsed.success) {
    results = <Alert tone="error" title="This link's settings are not valid">Fix the highlighted fields and run again.</Alert>;
  } else if (run.isError) {
    results = <Alert tone="error" title="The simulation failed">{run.error.message}</Alert>;
  } else if (!run.data) {
    results = <ResultsSkeleton />;
  } else {
    results = (
      <Stale stale={run.isPlaceholderData}>
        {run.data.kind === "single" ? <SimulationResults input={run.data.input} result={run.data.result} /> : <ComparisonResults input={run.data.input} results={run.data.results} />}
      </Stale>
    );
  }

  return (
    <Workspace
      busy={run.isFetching}
      form={
        <SimulationForm
          initial={decoded.values}
          validateOnLoad={decoded.committed}
          running={run.isFetching}
          onRun={(values) => {
            const next = replaceParams(params, "simulation", encodeSimulation(values));
            if (next === key && run.data) toast.info("Nothing changed: the same settings and seed give the same result.");
            else navigate(next, "push");
            revealResults();
          }}
        />
      }
      results={results}
    />
  );
}

function BacktestPanel() {
  const { params, key, navigate } = useQueryState();
  // The default period ends now; fixed at mount so the form does not drift while it is open.
  const [defaults] = useState(() => defaultBacktestValues(Date.now()));
  const decoded = useMemo(() => decodeBacktest(new URLSearchParams(key), defaults), [key, defaults]);
  const parsed = useMemo(() => (decoded.committed ? backtestFormSchema.safeParse(decoded.values) : null), [decoded]);
  const request = useMemo(() => (parsed?.success ? toBacktestRequest(parsed.data) : null), [parsed]);
  const backtest = useBacktest(request);
  const endpoints = useEndpointOptions();

  // Without an endpoint there is nothing to replay: say so instead of showing a form that cannot run.
  if (endpoints.data?.length === 0) {
    return (
      <EmptyState icon={Waypoints} title="No endpoints to backtest against">
        A backtest replays an endpoint&apos;s recorded attempts.{" "}
        <TextLink href="/endpoints">Add an endpoint</TextLink>{" "}
        and let it receive some traffic first.
      </EmptyState>
    );
  }

  let results: ReactNode;
  if (!decoded.committed) {
    results = (
      <EmptyState icon={History} title="What would another policy have done?">
        Pick an endpoint, a period and a candidate policy. The backtest replays the endpoint&apos;s real outcomes under the candidate: how
        many dead letters it would have delivered, which deliveries it would have lost, and how much sooner or later.
      </EmptyState>
    );
  } else if (parsed && !parsed.success) {
    results = <Alert tone="error" title="This link's settings are not valid">Fix the highlighted fields and run again.</Alert>;
  } else if (backtest.isError) {
    results = <Alert tone="error" title="The backtest failed">{backtest.error.message}</Alert>;
  } else if (!backtest.data) {
    results = <ResultsSkeleton />;
  } else {
    results = (
      <Stale stale={backtest.isPlaceholderData}>
        <BacktestResults report={backtest.data} />
      </Stale>
    );
  }

  return (
    <Workspace
      busy={backtest.isFetching}
      form={
        <>
          {endpoints.isError ? (
            <Alert tone="error" className="mb-4" title="Endpoints could not be loaded">
              {endpoints.error.message}
            </Alert>
          ) : null}
          <BacktestForm
            initial={decoded.values}
              validateOnLoad={decoded.committed}
            running={backtest.isFetching}
            endpoints={endpoints.data}
            endpointsLoading={endpoints.isPending}
            onRun={(values) => {
              const next = replaceParams(params, "backtest", encodeBacktest(values));
              if (next === key) void backtest.refetch();
              else navigate(next, "push");
              revealResults();
            }}
          />
        </>
      }
      results={results}
    />
  );
}
