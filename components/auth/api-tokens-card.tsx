"use client";

import { KeyRound, Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, Td, Th } from "@/components/ui/table";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { CreateTokenForm } from "./create-token-form";
import { useApiTokens, useRevokeApiToken, type ApiToken, type CreatedToken } from "./hooks";
import { TokenReveal } from "./token-reveal";

function When({ iso, empty = "—" }: { iso: string | null; empty?: string }) {
  if (!iso) return <span className="text-slate-500">{empty}</span>;
  return <RelativeTime at={iso} />;
}

function TokenRow({ token, onRevoke }: { token: ApiToken; onRevoke: (token: ApiToken) => void }) {
  const revoked = token.revokedAt !== null;
  return (
    <tr className={revoked ? "text-slate-500" : undefined}>
      <Td className="font-medium text-slate-900">
        <span className={revoked ? "text-slate-500 line-through" : undefined}>{token.name}</span>
        {token.createdBy ? <span className="block text-xs font-normal text-slate-500">by {token.createdBy}</span> : null}
      </Td>
      <Td>
        <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">{token.prefix}…</code>
      </Td>
      <Td>
        <When iso={token.createdAt} />
      </Td>
      <Td>
        <When iso={token.lastUsedAt} empty="Never" />
      </Td>
      <Td align="right">
        {revoked ? (
          <Badge>
            Revoked <When iso={token.revokedAt} />
          </Badge>
        ) : (
          <Button size="sm" variant="ghost" icon={Trash2} onClick={() => onRevoke(token)} aria-label={`Revoke ${token.name}`} className="text-red-600 hover:bg-red-50 hover:text-red-700">
            Revoke
          </Button>
        )}
      </Td>
    </tr>
  );
}

export function ApiTokensCard() {
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  async function confirmRevoke() {
    if (!revoking) return;
    try {
      await revoke.mutateAsync(revoking.id);
      toast.success(`Revoked “${revoking.name}”; programs using it now get 401`);
      if (created?.id === revoking.id) setCreated(null);
      setRevoking(null);
    } catch (err) {
      toast.error(err instanceof Error ? err.message : "Revoking failed");
    }
  }

  return (
    <Card
      title="API tokens"
      description={
        <>
          Programs call the API with <code className="font-mono">Authorization: Bearer &lt;token&gt;</code>, for example to send events with <code className="font-mono">POST /api/messages</code>.
        </>
      }
      bodyClassName="flex flex-col gap-5"
    >
      <CreateTokenForm onCreated={setCreated} />
      {created ? <TokenReveal name={created.name} token={created.token} onDone={() => setCreated(null)} /> : null}

      {tokens.isPending ? (
        <div className="flex flex-col gap-2" aria-label="Loading tokens">
          <Skeleton className="h-8 w-full" />
          <Skeleton className="h-8 w-full" />
        </div>
      ) : tokens.isError ? (
        <Alert tone="error" title="Tokens could not be loaded">
          {tokens.error.message}
        </Alert>
      ) : tokens.data.length === 0 ? (
        <div className="flex flex-col items-center rounded-lg border border-dashed border-slate-300 px-6 py-8 text-center">
          <KeyRound className="h-8 w-8 text-slate-400" aria-hidden />
          <p className="mt-2 text-sm font-medium text-slate-700">No API tokens yet</p>
          <p className="mt-0.5 text-xs text-slate-500">Create one for each program, so each can be revoked on its own.</p>
        </div>
      ) : (
        <Table caption="API tokens">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Token</Th>
              <Th>Created</Th>
              <Th>Last used</Th>
              <Th align="right">
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((token) => (
              <TokenRow key={token.id} token={token} onRevoke={setRevoking} />
            ))}
          </tbody>
        </Table>
      )}

      <ConfirmModal open={revoking !== null} title={`Revoke “${revoking?.name ?? ""}”?`} confirmLabel="Revoke token" busy={revoke.isPending} onConfirm={() => void confirmRevoke()} onCancel={() => setRevoking(null)}>
        Programs using this token will get <strong className="font-medium text-slate-800">401 Unauthorized</strong> from their next request. This cannot be undone.
      </ConfirmModal>
    </Card>
  );
}
