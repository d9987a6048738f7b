import { recordAudit } from "../auth/audit";
import type { Db } from "../db/client";
import { isRecordNotFound } from "../db/errors";
import { notFound } from "../errors/app-error";
import type { DestinationPolicy } from "./ssrf";
import { assertEndpointDestination, unknownPolicyError } from "./endpoint-checks";
import type { EndpointUpdateInput } from "./endpoint-schema";
import { endpointInclude, toEndpointView, type EndpointView } from "./endpoint-view";

export const OPERATOR_DISABLED_REASON = "Disabled by an operator";

/**
 * Turning an endpoint on gives it a clean slate (the auto-disable clock starts again);
 * turning it off records when and why. Saving the same state again changes neither.
 */
function enabledChange(wasEnabled: boolean, enabled: boolean | undefined, now: Date) {
  if (enabled === undefined || enabled === wasEnabled) return {};
  return enabled
    ? { enabled: true, disabledReason: null, disabledAt: null, failingSince: null }
    : { enabled: false, disabledReason: OPERATOR_DISABLED_REASON, disabledAt: now };
}

/** The audit row is written in the same transaction as the change, by whoever `actor` names. */
export async function updateEndpoint(db: Db, id: string, patch: EndpointUpdateInput, destinations: DestinationPolicy, actor: string): Promise<EndpointView> {
  if (patch.url !== undefined) await assertEndpointDestination(patch.url, destinations);
  const current = await db.prisma.endpoint.findUnique({ where: { id }, select: { enabled: true } });
  if (!current) throw notFound("Endpoint");
  try {
    const row = await db.prisma.$transaction(async (tx) => {
      const updated = await tx.endpoint.update({
      where: { id },
      data: {
        url: patch.url,
        description: patch.description,
        eventTypes: patch.eventTypes === undefined ? undefined : JSON.stringify(patch.eventTypes),
        policyId: patch.policyId,
        rateLimitPerSecond: patch.rateLimitPerSecond,
        maxConcurrency: patch.maxConcurrency,
        ...enabledChange(current.enabled, patch.enabled, new Date()),
      },
      include: endpointInclude,
      });
      await recordAudit(tx, { actor, action: "endpoint.update", targetType: "endpoint", targetId: id, details: patch });
      return updated;
    });
    return toEndpointView(row);
  } catch (err) {
    if (isRecordNotFound(err)) throw notFound("Endpoint");
    throw unknownPolicyError(err) ?? err;
  }
}
