"use client";

import Link from "next/link";
import { ChevronRight, CircleCheck } from "lucide-react";
import type { Overview } from "@/lib/overview/get-overview";
import { endpointHref } from "@/components/api/hrefs";
import { shortUrl } from "@/components/deliveries/format";
import { Elapsed } from "@/components/ui/relative-time";
import { TextLink } from "@/components/ui/text-link";
import { Badge } from "@/components/ui/badge";

type AttentionEndpoint = Overview["endpoints"][number];

/**
 * Endpoints that are disabled or failing, each a link to its page; disabled ones first.
 * `total` is how many endpoints there are at all (undefined while it loads), so an install
 * with none is not told that all of them are fine.
 */
export function EndpointsAttention({ endpoints, total }: { endpoints: readonly AttentionEndpoint[]; total: number | undefined }) {
  if (endpoints.length === 0 && total === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 px-3 py-4 text-sm text-slate-600">
        No endpoints yet. <TextLink href="/endpoints/new">Add one</TextLink> to start delivering.
      </p>
    );
  }
  if (endpoints.length === 0) {
    return (
      <div className="flex items-center gap-3 rounded-lg bg-emerald-50/60 px-3 py-4 text-sm text-emerald-800">
        <CircleCheck className="h-5 w-5 shrink-0 text-emerald-600" aria-hidden />
        <p>{total === 1 ? "The endpoint is enabled and answering." : "All endpoints are enabled and answering."}</p>
      </div>
    );
  }
  const ordered = [...endpoints].sort((a, b) => Number(a.enabled) - Number(b.enabled));
  return (
    <ul className="-mx-2 flex flex-col">
      {ordered.map((e) => (
        <li key={e.id}>
          <Link
            href={endpointHref(e.id)}
            className="group flex items-center gap-3 rounded-md px-2 py-2.5 hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
          >
            <div className="min-w-0 flex-1">
              <p className="truncate font-mono text-xs font-medium text-slate-800" title={e.url}>
                {shortUrl(e.url)}
              </p>
              <div className="mt-1 flex min-w-0 items-center gap-2 text-xs text-slate-500">
                {e.enabled ? (
                  <Badge tone="warning" dot>
                    Failing
                  </Badge>
                ) : (
                  <Badge tone="danger" dot>
                    Disabled
                  </Badge>
                )}
                <span className="truncate" title={e.disabledReason ?? undefined}>
                  {!e.enabled ? (
                    (e.disabledReason ?? "by an operator")
                  ) : e.failingSince ? (
                    <>
                      for <Elapsed since={e.failingSince} />
                    </>
                  ) : (
                    "recent attempts failed"
                  )}
                </span>
              </div>
            </div>
            <ChevronRight className="h-4 w-4 shrink-0 text-slate-400 group-hover:text-slate-600" aria-hidden />
          </Link>
        </li>
      ))}
    </ul>
  );
}
