/**
 * The closed form the simulation is checked against. Each attempt fails independently with
 * probability p (failure rate + timeout rate); outage windows break that independence, so
 * with outages the simulation is expected to fall below these numbers.
 */
export interface ClosedForm {
  /** p: the chance one attempt fails (error response or timeout). */
  perAttemptFailure: number;
  /** 1 - p^n: the share of deliveries expected to be delivered. */
  successWithinMaxAttempts: number;
  /** (1 - p^n) / (1 - p), or n when p = 1: attempts per delivery, delivered or not. */
  expectedAttempts: number;
  /** cumulativeByAttempt[k-1] = 1 - p^k: the chance of being delivered within k attempts. */
  cumulativeByAttempt: number[];
  /** deliveredAtAttempt[k-1] = p^(k-1) (1 - p): the chance the k-th attempt is the one that succeeds. */
  deliveredAtAttempt: number[];
}

export function closedForm(perAttemptFailure: number, maxAttempts: number): ClosedForm {
  const p = perAttemptFailure;
  const cumulativeByAttempt: number[] = [];
  const deliveredAtAttempt: number[] = [];
  for (let k = 1; k <= maxAttempts; k++) {
    cumulativeByAttempt.push(1 - Math.pow(p, k));
    deliveredAtAttempt.push(Math.pow(p, k - 1) * (1 - p));
  }
  const successWithinMaxAttempts = 1 - Math.pow(p, maxAttempts);
  // The geometric sum 1 + p + ... + p^(n-1); its closed form divides by zero at p = 1.
  const expectedAttempts = p === 1 ? maxAttempts : successWithinMaxAttempts / (1 - p);
  return { perAttemptFailure: p, successWithinMaxAttempts, expectedAttempts, cumulativeByAttempt, deliveredAtAttempt };
}
