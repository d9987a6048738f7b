import { AppError } from "../errors/app-error";

/**
 * `work`, or a 503 after `ms` when it has not settled: for answers that must arrive in
 * time even when the database is slower than each call's own deadline adds up to. The
 * work itself runs on until its own deadlines end it.
 */
export async function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError("database_unavailable", `${what} took longer than ${ms} ms; retry later`, { retryAfterSeconds: 5 })), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
