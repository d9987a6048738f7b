import { logger } from "../log";

/**
 * Runs `work` every `intervalMs` in the background: a pass still running is not started
 * again, and a failed one (the database away) is logged with `failure` and tried again at
 * the next interval. The timer does not keep the process alive. Returns a function that
 * stops it.
 */
export function startPeriodic(intervalMs: number, work: () => Promise<void>, failure: string): () => void {
  let running = false;
  const pass = async () => {
    if (running) return;
    running = true;
    try {
      await work();
    } catch (err) {
      logger.warn({ err }, failure);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void pass(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
