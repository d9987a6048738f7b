"use client";

import Link from "next/link";
import { useDeliveries } from "@/components/api/delivery-hooks";
import { NO_FILTERS } from "@/components/api/delivery-filters";
import { deliveryHref } from "@/components/api/hrefs";
import { DeliveryStatusBadge, StatusCode } from "@/components/deliveries/status-badge";
import { Card } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { TextLink } from "@/components/ui/text-link";
import { deliveriesHref } from "./health-section";

const SHOWN = 10;

/** The endpoint's latest deliveries, live, with the way to all of them. */
export function RecentDeliveriesCard({ endpointId }: { endpointId: string }) {
  const { data, isPending } = useDeliveries({ ...NO_FILTERS, endpointId, cursor: null });
  const rows = data?.data.slice(0, SHOWN) ?? [];
  return (
    <Card
      title="Recent deliveries"
      actions={
        <TextLink href={deliveriesHref(endpointId)} className="text-sm">
          All deliveries
        </TextLink>
      }
    >
      {isPending ? (
        <Skeleton className="h-24 rounded-lg" />
      ) : rows.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing has been sent to this endpoint yet.</p>
      ) : (
        <ul aria-label="Recent deliveries" className="-my-1 divide-y divide-slate-100">
          {rows.map((d) => (
            <li key={d.id}>
              <Link
                href={deliveryHref(d.id)}
                className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
              >
                <DeliveryStatusBadge status={d.status} />
                <span className="min-w-0 flex-1 truncate font-medium text-slate-900">{d.message.eventType}</span>
                {d.lastStatusCode !== null ? <StatusCode code={d.lastStatusCode} /> : null}
                <RelativeTime at={d.createdAt} className="text-xs text-slate-500" />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
