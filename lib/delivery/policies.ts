import type { Db, RetryPolicyRow } from "../db/client";
import type { Prisma } from "../db/generated/sqlite/client.ts";
import { isUniqueViolation, prismaErrorCode } from "../db/errors";
import { recordAudit } from "../auth/audit";
import { AppError, notFound } from "../errors/app-error";
import { delaySchedule, timeToGiveUpMs, type GiveUpTime, type ScheduleStep } from "../retry/backoff";
import { DEFAULT_RETRY_POLICY, retryPolicySchema, type RetryPolicy } from "../retry/policy";
import type { PolicyCreateInput, PolicyUpdateInput } from "./policy-schema";
import { policyFromRow } from "./policy-resolver";

export interface PolicyView extends RetryPolicy {
  id: string;
  name: string;
  description: string | null;
  isDefault: boolean;
  endpointCount: number;
  /** The gaps between attempts, so the form can preview the policy before it is saved. */
  schedule: ScheduleStep[];
  giveUpAfter: GiveUpTime;
  createdAt: Date;
  updatedAt: Date;
}

type Tx = Prisma.TransactionClient;

const withEndpointCount = { _count: { select: { endpoints: true } } } as const;

function toPolicyView(row: RetryPolicyRow & { _count: { endpoints: number } }): PolicyView {
  const policy = policyFromRow(row);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    isDefault: row.isDefault,
    ...policy,
    endpointCount: row._count.endpoints,
    schedule: delaySchedule(policy),
    giveUpAfter: timeToGiveUpMs(policy),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function nameTaken(name: string): AppError {
  return new AppError("conflict", `A policy named "${name}" already exists`, {
    details: [{ path: "name", message: "Another policy already has this name" }],
  });
}

/**
 * Policy writes run serializable: "exactly one default" spans rows, and two operators
 * promoting different policies at once would otherwise both win under read committed.
 * The loser of such a race gets a 409 and can simply retry.
 */
async function writePolicies<T>(db: Db, work: (tx: Tx) => Promise<T>, name?: string): Promise<T> {
  try {
    return await db.prisma.$transaction(work, { isolationLevel: "Serializable" });
  } catch (err) {
    if (name !== undefined && isUniqueViolation(err)) throw nameTaken(name);
    if (prismaErrorCode(err) === "P2034") throw new AppError("conflict", "Policies were changed at the same moment; retry", { retryAfterSeconds: 1 });
    throw err;
  }
}

async function unsetOtherDefaults(tx: Tx, keepId: string): Promise<void> {
  await tx.retryPolicy.updateMany({ where: { isDefault: true, id: { not: keepId } }, data: { isDefault: false } });
}

export async function listPolicies(db: Db): Promise<{ data: PolicyView[] }> {
  const rows = await db.prisma.retryPolicy.findMany({ include: withEndpointCount, orderBy: [{ isDefault: "desc" }, { name: "asc" }] });
  return { data: rows.map(toPolicyView) };
}

export async function getPolicy(db: Db, id: string): Promise<PolicyView> {
  const row = await db.prisma.retryPolicy.findUnique({ where: { id }, include: withEndpointCount });
  if (!row) throw notFound("Retry policy");
  return toPolicyView(row);
}

/*
 * Writes take the actor and record the audit row in the same transaction as the change:
 * both commit or neither does, whoever called (a route, a script, a test).
 */

export async function createPolicy(db: Db, input: PolicyCreateInput, actor: string): Promise<PolicyView> {
  const { name, description, isDefault, ...policy } = input;
  return writePolicies(
    db,
    async (tx) => {
      const row = await tx.retryPolicy.create({ data: { name, description: description ?? null, isDefault: isDefault ?? false, ...policy }, include: withEndpointCount });
      if (row.isDefault) await unsetOtherDefaults(tx, row.id);
      await recordAudit(tx, { actor, action: "policy.create", targetType: "policy", targetId: row.id, details: input });
      return toPolicyView(row);
    },
    name,
  );
}

export async function updatePolicy(db: Db, id: string, patch: PolicyUpdateInput, actor: string): Promise<PolicyView> {
  const { name, description, isDefault, ...fieldsPatch } = patch;
  return writePolicies(
    db,
    async (tx) => {
      const current = await tx.retryPolicy.findUnique({ where: { id } });
      if (!current) throw notFound("Retry policy");
      if (current.isDefault && isDefault === false) {
        throw new AppError("conflict", "This is the default policy; make another policy the default instead");
      }
      const policy = retryPolicySchema.parse({ ...policyFromRow(current), ...fieldsPatch });
      const row = await tx.retryPolicy.update({ where: { id }, data: { name, description, isDefault, ...policy }, include: withEndpointCount });
      if (row.isDefault) await unsetOtherDefaults(tx, row.id);
      await recordAudit(tx, { actor, action: "policy.update", targetType: "policy", targetId: id, details: patch });
      return toPolicyView(row);
    },
    name,
  );
}

export interface DeletedPolicy {
  id: string;
  deleted: true;
  /** Endpoints that used the policy; they now follow the default policy. */
  endpointsAffected: number;
}

export async function deletePolicy(db: Db, id: string, actor: string): Promise<DeletedPolicy> {
  return writePolicies(db, async (tx) => {
    const current = await tx.retryPolicy.findUnique({ where: { id }, include: withEndpointCount });
    if (!current) throw notFound("Retry policy");
    if (current.isDefault) throw new AppError("conflict", "The default policy cannot be deleted; make another policy the default first");
    // The schema sets the endpoints' policyId to null (onDelete: SetNull).
    await tx.retryPolicy.delete({ where: { id } });
    await recordAudit(tx, { actor, action: "policy.delete", targetType: "policy", targetId: id, details: { endpointsAffected: current._count.endpoints } });
    return { id, deleted: true, endpointsAffected: current._count.endpoints };
  });
}

export interface PolicyInEffect extends RetryPolicy {
  /** Null only for the built-in fallback, used when the database has no default row. */
  id: string | null;
  name: string;
  source: "endpoint" | "default" | "builtin";
}

/** The policy a delivery to this endpoint follows: its own, else the default. */
export async function policyInEffect(db: Db, policyId: string | null): Promise<PolicyInEffect> {
  const own = policyId ? await db.prisma.retryPolicy.findUnique({ where: { id: policyId } }) : null;
  if (own) return { id: own.id, name: own.name, source: "endpoint", ...policyFromRow(own) };
  const fallback = await db.prisma.retryPolicy.findFirst({ where: { isDefault: true }, orderBy: { createdAt: "asc" } });
  if (fallback) return { id: fallback.id, name: fallback.name, source: "default", ...policyFromRow(fallback) };
  return { id: null, name: "built-in", source: "builtin", ...DEFAULT_RETRY_POLICY };
}
