import { recordAudit } from "../auth/audit";
import type { Db } from "../db/client";
import type { DestinationPolicy } from "./ssrf";
import { assertEndpointDestination, unknownPolicyError } from "./endpoint-checks";
import type { EndpointCreateInput } from "./endpoint-schema";
import { generateEndpointSecret } from "./endpoint-secret";
import { endpointInclude, toEndpointView, type EndpointView } from "./endpoint-view";
import { OPERATOR_DISABLED_REASON } from "./update-endpoint";

/** The one response that carries the secret: it is not shown again. */
export type CreatedEndpoint = EndpointView & { secret: string };

/** The audit row is written in the same transaction as the endpoint, by whoever `actor` names. */
export async function createEndpoint(db: Db, input: EndpointCreateInput, destinations: DestinationPolicy, actor: string): Promise<CreatedEndpoint> {
  await assertEndpointDestination(input.url, destinations);
  const secret = generateEndpointSecret();
  try {
    const row = await db.prisma.$transaction(async (tx) => {
      const created = await tx.endpoint.create({
      data: {
        url: input.url,
        description: input.description ?? null,
        eventTypes: JSON.stringify(input.eventTypes),
        policyId: input.policyId ?? null,
        enabled: input.enabled,
        rateLimitPerSecond: input.rateLimitPerSecond ?? null,
        maxConcurrency: input.maxConcurrency ?? null,
        secret,
        ...(input.enabled ? {} : { disabledAt: new Date(), disabledReason: OPERATOR_DISABLED_REASON }),
      },
      include: endpointInclude,
      });
      await recordAudit(tx, { actor, action: "endpoint.create", targetType: "endpoint", targetId: created.id, details: { url: created.url } });
      return created;
    });
    return { ...toEndpointView(row), secret };
  } catch (err) {
    throw unknownPolicyError(err) ?? err;
  }
}
