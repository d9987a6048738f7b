import { config } from "../config";
import { isForeignKeyViolation } from "../db/errors";
import { invalidRequest, type AppError } from "../errors/app-error";
import { assertDestinationAllowed, DestinationRefusedError, type DestinationPolicy } from "./ssrf";

/** The destination rule the running server applies, from HOOKRELAY_ALLOW_PRIVATE_DESTINATIONS. */
export function destinationPolicy(): DestinationPolicy {
  return { allowPrivate: config().HOOKRELAY_ALLOW_PRIVATE_DESTINATIONS };
}

function fieldError(path: string, message: string): AppError {
  return invalidRequest([{ path, message }]);
}

/** A refused destination is reported on the `url` field, so the form shows it under the input. */
export async function assertEndpointDestination(url: string, policy: DestinationPolicy): Promise<void> {
  try {
    await assertDestinationAllowed(url, policy);
  } catch (err) {
    if (err instanceof DestinationRefusedError) throw fieldError("url", err.message);
    throw err;
  }
}

/**
 * An endpoint's only foreign key is its policy, so a foreign-key violation on write means
 * the policy does not exist (or was deleted a moment ago). Relying on the constraint
 * instead of a prior lookup leaves no gap for that race.
 */
export function unknownPolicyError(err: unknown): AppError | undefined {
  return isForeignKeyViolation(err) ? fieldError("policyId", "No retry policy has this id") : undefined;
}
