"use client";

import { RotateCw } from "lucide-react";
import { useState } from "react";
import { useRotateEndpointSecret, type Endpoint, type RotatedSecret } from "@/components/api/endpoint-hooks";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { DateTime } from "@/components/ui/relative-time";
import { SecretCallout } from "./secret-callout";

export function SigningSecretCard({ endpoint }: { endpoint: Endpoint }) {
  const rotate = useRotateEndpointSecret(endpoint.id);
  const [confirming, setConfirming] = useState(false);
  // Held in memory only: leaving the page is the end of the one showing.
  const [rotated, setRotated] = useState<RotatedSecret | null>(null);

  async function onConfirm() {
    try {
      setRotated(await rotate.mutateAsync());
    } finally {
      setConfirming(false);
    }
  }

  const graceUntil = rotated?.previousSecretExpiresAt ?? endpoint.previousSecretExpiresAt;

  return (
    <Card
      title="Signing secret"
      description="Signs every delivery."
      actions={
        <Button size="sm" icon={RotateCw} onClick={() => setConfirming(true)} loading={rotate.isPending}>
          Rotate
        </Button>
      }
    >
      <p className="font-mono text-sm text-slate-800">
        <span className="sr-only">Ends in </span>
        <span aria-hidden className="text-slate-500">
          whsec_••••••••••••
        </span>
        <span data-testid="secret-hint">{rotated?.secretHint ?? endpoint.secretHint}</span>
      </p>
      {graceUntil ? (
        <p className="mt-2 text-xs text-slate-600">
          The previous secret keeps signing alongside it until <DateTime at={graceUntil} />, so
          receivers can switch over without rejecting deliveries.
        </p>
      ) : (
        <p className="mt-2 text-xs text-slate-500">Only its last characters are kept for display; the whole secret was shown once.</p>
      )}
      {rotated ? (
        <div className="mt-4">
          <SecretCallout
            secret={rotated.secret}
            title="Copy the new secret now"
            actions={
              <Button variant="ghost" onClick={() => setRotated(null)}>
                Done
              </Button>
            }
          />
        </div>
      ) : null}
      <ConfirmModal
        open={confirming}
        title="Rotate the signing secret?"
        confirmLabel="Rotate secret"
        busy={rotate.isPending}
        onConfirm={() => void onConfirm()}
        onCancel={() => setConfirming(false)}
      >
        <p>A new secret replaces the current one and is shown once. The current secret keeps signing alongside it for a grace period, so your receiver can switch without rejecting deliveries.</p>
        <p className="mt-2">Rotating again within the grace period retires the oldest secret at once.</p>
      </ConfirmModal>
    </Card>
  );
}
