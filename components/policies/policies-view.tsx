"use client";

import { Plus, SlidersHorizontal, Star } from "lucide-react";
import { policyHref } from "@/components/api/hrefs";
import { usePolicies, type Policy } from "@/components/api/policy-hooks";
import { formatDuration } from "@/components/charts/format";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";
import { LoadError } from "@/components/ui/load-error";
import { ListSkeleton } from "@/components/ui/skeleton";
import { Table, Td, Th } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { Badge } from "@/components/ui/badge";
import { backoffSummary, giveUpSummary, jitterSummary } from "./format";

function DefaultBadge() {
  return (
    <Badge tone="info">
      <Star className="h-3 w-3" aria-hidden />
      Default
    </Badge>
  );
}

function PolicyName({ policy }: { policy: Policy }) {
  return (
    <div className="min-w-0 max-w-[14rem]">
      <div className="flex items-center gap-2">
        <TextLink href={policyHref(policy.id)} className="truncate">
          {policy.name}
        </TextLink>
        {policy.isDefault ? <DefaultBadge /> : null}
      </div>
      {policy.description ? <p className="truncate text-xs text-slate-500">{policy.description}</p> : null}
    </div>
  );
}

function EndpointsUsing({ policy }: { policy: Policy }) {
  const count = policy.endpointCount;
  const text = `${count} endpoint${count === 1 ? "" : "s"}`;
  return (
    <div className="min-w-[8rem] whitespace-normal">
      {count === 0 ? (
        <span className="text-slate-500">{policy.isDefault ? "None pinned" : "None"}</span>
      ) : (
        <TextLink href={`/endpoints?${new URLSearchParams({ policy: policy.id }).toString()}`}>{text}</TextLink>
      )}
      {policy.isDefault ? (
        <TextLink href="/endpoints?policy=default" className="block text-xs">
          + all without their own
        </TextLink>
      ) : null}
    </div>
  );
}

const giveUp = (policy: Policy) => (policy.giveUpAfter.minMs === policy.giveUpAfter.maxMs ? `~${giveUpSummary(policy.giveUpAfter)}` : giveUpSummary(policy.giveUpAfter));


export function PoliciesView() {
  const policies = usePolicies();

  if (policies.isPending) return <ListSkeleton label="Loading policies" rows={3} />;

  if (policies.isError) {
    return <LoadError title="The policies could not be loaded" error={policies.error} onRetry={() => void policies.refetch()} />;
  }

  if (policies.data.length === 0) {
    return (
      <EmptyState icon={SlidersHorizontal} title="No retry policies yet">
        <p>Until there is one, every endpoint retries on the built-in default. Create a policy to tune how long Hookrelay keeps trying.</p>
        <LinkButton href="/policies/new" variant="primary" icon={Plus} className="mt-4">
          New policy
        </LinkButton>
      </EmptyState>
    );
  }

  return (
    <>
      <div className="hidden rounded-xl border border-slate-200 bg-white px-5 py-2 shadow-sm md:block">
        <Table caption="Retry policies">
          <thead>
            <tr>
              <Th>Policy</Th>
              <Th align="right">Attempts</Th>
              <Th>Delays</Th>
              <Th align="right">Timeout</Th>
              <Th align="right">Gives up after</Th>
              <Th>Used by</Th>
            </tr>
          </thead>
          <tbody>
            {policies.data.map((policy) => (
              <tr key={policy.id} className="transition-colors hover:bg-slate-50/80">
                <Td className="py-3">
                  <PolicyName policy={policy} />
                </Td>
                <Td align="right">{policy.maxAttempts}</Td>
                <Td>
                  {backoffSummary(policy)}
                  <p className="text-xs text-slate-500">{jitterSummary(policy)}</p>
                </Td>
                <Td align="right">{formatDuration(policy.timeoutMs)}</Td>
                <Td align="right" className="font-medium text-slate-900">
                  {giveUp(policy)}
                </Td>
                <Td>
                  <EndpointsUsing policy={policy} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>

      <ul className="flex flex-col gap-3 md:hidden" aria-label="Retry policies">
        {policies.data.map((policy) => (
          <li key={policy.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <PolicyName policy={policy} />
            <dl className="mt-3 grid grid-cols-2 gap-x-3 gap-y-2 text-xs">
              <div>
                <dt className="text-slate-500">Attempts</dt>
                <dd className="text-slate-800">{policy.maxAttempts}</dd>
              </div>
              <div>
                <dt className="text-slate-500">Gives up after</dt>
                <dd className="font-medium text-slate-900">{giveUp(policy)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">Delays</dt>
                <dd className="text-slate-800">
                  {backoffSummary(policy)}, {jitterSummary(policy)}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">Timeout</dt>
                <dd className="text-slate-800">{formatDuration(policy.timeoutMs)}</dd>
              </div>
              <div className="col-span-2">
                <dt className="text-slate-500">Used by</dt>
                <dd>
                  <EndpointsUsing policy={policy} />
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
