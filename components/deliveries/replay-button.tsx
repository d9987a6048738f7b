"use client";

import { useRouter } from "next/navigation";
import { RotateCcw } from "lucide-react";
import { toast } from "sonner";
import { useReplayDelivery, type ReplayVariables } from "@/components/api/delivery-hooks";
import { ApiError } from "@/components/api/fetcher";
import { deliveryHref } from "@/components/api/hrefs";
import { Button } from "@/components/ui/button";

/** The 409 a replay to a disabled endpoint gets; it can be retried with the endpoint re-enabled. */
function isEndpointDisabled(err: unknown): boolean {
  if (!(err instanceof ApiError) || err.status !== 409) return false;
  const details = err.details;
  return typeof details === "object" && details !== null && "reason" in details && details.reason === "endpoint_disabled";
}

/** Sends the delivery's message to its endpoint again, as a new delivery. */
export function ReplayButton({ deliveryId }: { deliveryId: string }) {
  const router = useRouter();
  const replay = useReplayDelivery();

  function run(variables: ReplayVariables) {
    replay.mutate(variables, {
      onSuccess: (created) => {
        toast.success(variables.enableEndpoint ? "Endpoint re-enabled and replay queued" : "Replay queued", {
          description: `New delivery ${created.id}`,
          action: { label: "Open", onClick: () => router.push(deliveryHref(created.id)) },
        });
      },
      onError: (err) => {
        if (isEndpointDisabled(err)) {
          toast.error("The endpoint is disabled", {
            description: err.message,
            duration: 15_000,
            action: { label: "Re-enable and replay", onClick: () => run({ id: deliveryId, enableEndpoint: true }) },
          });
          return;
        }
        toast.error("Replay failed", { description: err.message });
      },
    });
  }

  return (
    <Button variant="primary" icon={RotateCcw} loading={replay.isPending} onClick={() => run({ id: deliveryId })}>
      Replay
    </Button>
  );
}
