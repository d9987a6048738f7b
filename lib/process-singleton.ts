/**
 * Next.js bundles the instrumentation hook, the proxy and each route separately, so a
 * module-level variable can exist several times in one process. What must be one per
 * process (the database handle, the in-memory duplicate tier, the worker's wake-up bus)
 * lives on globalThis under a registered symbol instead.
 */
export function processSingleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`hookrelay.${name}`);
  const holder = globalThis as unknown as Record<symbol, T | undefined>;
  let value = holder[key];
  if (value === undefined) {
    value = create();
    holder[key] = value;
  }
  return value;
}
