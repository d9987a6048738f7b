import type { Db } from "./client";
import { isUniqueViolation } from "./errors";
import { DEFAULT_RETRY_POLICY } from "../retry/policy";

export const DEFAULT_SOURCE_NAME = "default";
export const DEFAULT_POLICY_NAME = "default";

async function createUnlessExists(create: () => Promise<unknown>): Promise<void> {
  try {
    await create();
  } catch (err) {
    // Another instance starting at the same moment created it first.
    if (!isUniqueViolation(err)) throw err;
  }
}

/** Rows every installation has: the source behind POST /api/webhook and a default retry policy. */
export async function bootstrap(db: Db): Promise<void> {
  const { prisma } = db;
  if (!(await prisma.inboundSource.findUnique({ where: { name: DEFAULT_SOURCE_NAME } }))) {
    await createUnlessExists(() =>
      prisma.inboundSource.create({ data: { name: DEFAULT_SOURCE_NAME, description: "Events posted to /api/webhook" } }),
    );
  }
  if ((await prisma.retryPolicy.count({ where: { isDefault: true } })) === 0) {
    await createUnlessExists(() =>
      prisma.retryPolicy.create({
        data: { name: DEFAULT_POLICY_NAME, description: "Used by endpoints without a policy of their own", isDefault: true, ...DEFAULT_RETRY_POLICY },
      }),
    );
  }
}
