import type { Db } from "../db/client";

export interface HistoryAttempt {
  deliveryId: string;
  number: number;
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  outcome: string;
  delayMs: number | null;
  /** Only in a single letter's detail: bodies make lists heavy. */
  responseBody?: string | null;
}

export interface LinkedDelivery {
  id: string;
  /** The delivery that first failed, or one made by a reprocess of the letter. */
  role: "original" | "reprocess";
  status: string;
  attemptCount: number;
  createdAt: Date;
  completedAt: Date | null;
}

export interface LetterHistory {
  deliveries: LinkedDelivery[];
  /** Every attempt of every linked delivery, oldest first. */
  history: HistoryAttempt[];
}

/**
 * A letter's history lives on its deliveries: the original one and each reprocess (the
 * worker links both to the letter through deadLetterId). Loaded for many letters at once
 * so a page of letters costs what one letter does.
 */
export async function loadLetterHistories(
  db: Db,
  letters: { id: string; deliveryId: string | null }[],
  options: { responseBodies: boolean },
): Promise<Map<string, LetterHistory>> {
  const histories = new Map<string, LetterHistory>(letters.map((l) => [l.id, { deliveries: [], history: [] }]));
  const letterOfOriginal = new Map(letters.filter((l) => l.deliveryId !== null).map((l) => [l.deliveryId as string, l.id]));
  if (letters.length === 0) return histories;

  const deliveries = await db.prisma.delivery.findMany({
    where: { OR: [{ deadLetterId: { in: letters.map((l) => l.id) } }, { id: { in: [...letterOfOriginal.keys()] } }] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      deadLetterId: true,
      status: true,
      attemptCount: true,
      createdAt: true,
      completedAt: true,
      attempts: {
        orderBy: { number: "asc" },
        select: { number: true, startedAt: true, durationMs: true, statusCode: true, error: true, outcome: true, delayMs: true, responseBody: options.responseBodies },
      },
    },
  });

  for (const d of deliveries) {
    const letterId = letterOfOriginal.get(d.id) ?? d.deadLetterId;
    const entry = letterId ? histories.get(letterId) : undefined;
    if (!entry) continue;
    entry.deliveries.push({
      id: d.id,
      role: letterOfOriginal.has(d.id) ? "original" : "reprocess",
      status: d.status,
      attemptCount: d.attemptCount,
      createdAt: d.createdAt,
      completedAt: d.completedAt,
    });
    for (const a of d.attempts) entry.history.push({ deliveryId: d.id, ...a });
  }
  for (const h of histories.values()) h.history.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  return histories;
}
