"use client";

import { clsx } from "clsx";
import { Ban, RefreshCw, X } from "lucide-react";
import { useEffect, useRef } from "react";
import { useBulkJob, useCancelJob, useRefreshAfterJob, type BulkJob } from "@/components/api/dlq-hooks";
import { ApiError } from "@/components/api/fetcher";
import { formatCount, formatDuration } from "@/components/charts/format";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { jobProgress } from "./shape";

const SEGMENT_COLORS = { succeeded: "bg-emerald-500", failed: "bg-red-500", inFlight: "bg-brand-500/60" } as const;

export interface JobProgressPanelProps {
  jobId: string;
  onDismiss: () => void;
}

/** A bulk reprocess job's progress, polled every second until it finishes; its id lives in the URL. */
export function JobProgressPanel({ jobId, onDismiss }: JobProgressPanelProps) {
  const query = useBulkJob(jobId);
  const cancel = useCancelJob();
  const refreshAll = useRefreshAfterJob();
  const job = query.data;
  const active = job ? jobProgress(job).active : false;

  // The letters the job touched change under the list: refresh everything once when it ends.
  const wasActive = useRef(false);
  useEffect(() => {
    if (wasActive.current && !active) refreshAll();
    wasActive.current = active;
  }, [active, refreshAll]);

  if (!job) {
    if (query.isError) {
      const gone = query.error instanceof ApiError && query.error.status === 404;
      return (
        <Alert tone={gone ? "warning" : "error"} title={gone ? "That bulk job no longer exists" : "The bulk job's progress could not be loaded"}>
          <p>{query.error.message}</p>
          <div className="mt-2 flex gap-2">
            {!gone ? (
              <Button size="sm" icon={RefreshCw} onClick={() => void query.refetch()}>
                Try again
              </Button>
            ) : null}
            <Button size="sm" variant="ghost" icon={X} onClick={onDismiss}>
              Dismiss
            </Button>
          </div>
        </Alert>
      );
    }
    return <Skeleton className="h-32 rounded-xl" />;
  }
  return <JobPanel job={job} onCancel={() => cancel.mutate(job.id)} cancelling={cancel.isPending} onDismiss={onDismiss} />;
}

function JobPanel({ job, onCancel, cancelling, onDismiss }: { job: BulkJob; onCancel: () => void; cancelling: boolean; onDismiss: () => void }) {
  const p = jobProgress(job);
  const settled = job.succeeded + job.failed;
  return (
    <section aria-label="Bulk reprocess" className="rounded-xl border border-slate-200 bg-white px-4 py-4 shadow-sm sm:px-5">
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="min-w-0">
          <h2 className="flex flex-wrap items-center gap-2 text-sm font-semibold text-slate-900">
            Bulk reprocess
            <Badge tone={p.tone} dot pulse={p.active}>
              {p.label}
            </Badge>
          </h2>
          <p className="mt-0.5 text-xs text-slate-500">
            {formatCount(job.total)} {job.total === 1 ? "letter" : "letters"}
            {job.ratePerSecond ? ` at ${formatCount(job.ratePerSecond)} per second` : ""}
            {p.remainingMs !== null ? ` · about ${formatDuration(p.remainingMs)} left` : ""}
            <span className="font-mono"> · job {job.id}</span>
          </p>
        </div>
        <div className="flex gap-2">
          {p.cancellable ? (
            <Button size="sm" icon={Ban} onClick={onCancel} loading={cancelling}>
              Cancel job
            </Button>
          ) : null}
          {!p.active ? (
            <Button size="sm" variant="ghost" icon={X} onClick={onDismiss}>
              Dismiss
            </Button>
          ) : null}
        </div>
      </div>

      <div className="mt-3 flex items-center gap-3">
        <div
          role="progressbar"
          aria-label="Letters settled"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={p.percent}
          aria-valuetext={`${formatCount(settled)} of ${formatCount(job.total)} letters settled`}
          className="flex h-2.5 min-w-0 flex-1 overflow-hidden rounded-full bg-slate-100"
        >
          {(["succeeded", "failed", "inFlight"] as const).map((k) => (
            <div key={k} className={clsx("h-full transition-[width] duration-500", SEGMENT_COLORS[k])} style={{ width: `${p.segments[k]}%` }} />
          ))}
        </div>
        <span className="w-10 text-right text-sm font-semibold tabular-nums text-slate-900">{p.percent}%</span>
      </div>

      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
        <Count label="Sent" value={`${formatCount(job.processed)} / ${formatCount(job.total)}`} />
        <Count label="Succeeded" value={formatCount(job.succeeded)} dot={SEGMENT_COLORS.succeeded} />
        <Count label="Failed" value={formatCount(job.failed)} dot={SEGMENT_COLORS.failed} />
        <Count label="In flight" value={formatCount(job.inFlight)} dot={SEGMENT_COLORS.inFlight} />
      </dl>
      {job.error ? <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900">{job.error}</p> : null}
      {!p.active && job.failed > 0 ? (
        <p className="mt-3 text-xs text-slate-500">Letters that failed again are pending once more, with the new failure; the list shows them.</p>
      ) : null}
    </section>
  );
}

function Count({ label, value, dot }: { label: string; value: string; dot?: string }) {
  return (
    <div className="min-w-0">
      <dt className="flex items-center gap-1.5 text-xs font-medium uppercase tracking-wide text-slate-500">
        {dot ? <span className={clsx("h-2 w-2 rounded-full", dot)} aria-hidden /> : null}
        {label}
      </dt>
      <dd className="mt-0.5 font-semibold tabular-nums text-slate-900">{value}</dd>
    </div>
  );
}
