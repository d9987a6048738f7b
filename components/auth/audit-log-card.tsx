"use client";

import { History } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, Td, Th } from "@/components/ui/table";
import type { Tone } from "@/components/ui/tone";
import { describeAction, splitActor, summariseDetails, type ActorKind } from "./audit-format";
import { useAuditLog, type AuditEntry } from "./hooks";

const ACTOR_BADGE: Record<ActorKind, { label: string; tone: Tone }> = {
  operator: { label: "Operator", tone: "info" },
  token: { label: "Token", tone: "neutral" },
  system: { label: "System", tone: "neutral" },
};

function AuditRow({ entry }: { entry: AuditEntry }) {
  const actor = splitActor(entry.actor);
  const badge = ACTOR_BADGE[actor.kind];
  const detail = summariseDetails(entry.details);
  return (
    <tr>
      <Td className="text-slate-500">
        <RelativeTime at={entry.createdAt} />
      </Td>
      <Td>
        <Badge tone={badge.tone} className="mr-2">
          {badge.label}
        </Badge>
        <span className="font-medium text-slate-900">{actor.kind === "system" && actor.name === "system" ? "Hookrelay" : actor.name}</span>
      </Td>
      <Td className="text-slate-800">{describeAction(entry.action)}</Td>
      <Td className="max-w-sm truncate text-slate-500" title={[entry.targetId && `${entry.targetType} ${entry.targetId}`, detail].filter(Boolean).join(" · ") || undefined}>
        {detail ?? (entry.targetId ? <code className="font-mono text-xs">{entry.targetId}</code> : "—")}
      </Td>
    </tr>
  );
}

export function AuditLogCard() {
  const audit = useAuditLog();
  const entries = audit.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Card title="Audit log" description="Who changed what, newest first: sign-ins, tokens, endpoints, policies, dead letters.">
      {audit.isPending ? (
        <div className="flex flex-col gap-2">
          <Skeleton className="h-7 w-full" />
          <Skeleton className="h-7 w-full" />
          <Skeleton className="h-7 w-full" />
        </div>
      ) : audit.isError ? (
        <Alert tone="error" title="The audit log could not be loaded">
          {audit.error.message}
        </Alert>
      ) : entries.length === 0 ? (
        <div className="flex items-center gap-2 text-sm text-slate-500">
          <History className="h-4 w-4" aria-hidden />
          Nothing recorded yet.
        </div>
      ) : (
        <>
          <Table caption="Audit log">
            <thead>
              <tr>
                <Th>When</Th>
                <Th>Who</Th>
                <Th>Action</Th>
                <Th>Details</Th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <AuditRow key={entry.id} entry={entry} />
              ))}
            </tbody>
          </Table>
          {audit.hasNextPage ? (
            <div className="mt-3 flex justify-center">
              <Button size="sm" loading={audit.isFetchingNextPage} onClick={() => void audit.fetchNextPage()}>
                Show older entries
              </Button>
            </div>
          ) : null}
        </>
      )}
    </Card>
  );
}
