import { z } from "zod";
import { keysetPage, pageQueryShape, type Page } from "../db/keyset-page";
import { jsonOrText } from "../http/json";
import type { Db, Tx } from "../db/client";

export interface AuditInput {
  /** `operator:<email>`, `token:<name>` or `system`; route handlers pass `actorFrom(req)`. */
  actor: string;
  /** `<target>.<verb>`, e.g. `endpoint.update`, `dead_letter.reprocess`, `token.revoke`. */
  action: string;
  targetType: string;
  targetId?: string | null;
  /** Small and JSON-serialisable: what changed, never secrets. */
  details?: unknown;
}

// An audit row is a note, not a payload store: one bulk action must not write megabytes.
const MAX_DETAILS_CHARS = 16_384;

function serialiseDetails(details: unknown): string | null {
  if (details === undefined) return null;
  const text = JSON.stringify(details);
  if (text.length <= MAX_DETAILS_CHARS) return text;
  // Half the budget: quoting the preview as a string at most doubles it.
  return JSON.stringify({ truncated: true, preview: text.slice(0, MAX_DETAILS_CHARS / 2) });
}

/** Accepts a transaction client so the note commits or rolls back with the change it describes. */
export async function recordAudit(db: Db | Tx, input: AuditInput): Promise<void> {
  const client = "prisma" in db ? db.prisma : db;
  await client.auditLog.create({
    data: { actor: input.actor, action: input.action, targetType: input.targetType, targetId: input.targetId ?? null, details: serialiseDetails(input.details) },
  });
}

export const auditListQuerySchema = z.object({
  ...pageQueryShape,
  actor: z.string().min(1).max(320).optional(),
  action: z.string().min(1).max(100).optional(),
  targetType: z.string().min(1).max(100).optional(),
  targetId: z.string().min(1).max(200).optional(),
});

export type AuditListQuery = z.output<typeof auditListQuerySchema>;

export interface AuditEntry {
  id: string;
  actor: string;
  action: string;
  targetType: string;
  targetId: string | null;
  details: unknown;
  createdAt: Date;
}

export type AuditPage = Page<AuditEntry>;

const parseDetails = (text: string | null): unknown => (text === null ? null : jsonOrText(text));

export async function listAudit(db: Db, query: AuditListQuery): Promise<AuditPage> {
  const filters = { actor: query.actor, action: query.action, targetType: query.targetType, targetId: query.targetId };
  const page = await keysetPage(query, {
    field: "createdAt",
    noun: "an audit entry",
    cursorRow: (id) => db.prisma.auditLog.findUnique({ where: { id }, select: { id: true, createdAt: true } }),
    rows: (after, take) => db.prisma.auditLog.findMany({ where: { AND: [filters, after ?? {}] }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take }),
  });
  return { ...page, data: page.data.map((r) => ({ ...r, details: parseDetails(r.details) })) };
}
