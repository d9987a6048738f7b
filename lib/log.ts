import pino from "pino";

/** One structured JSON logger; LOG_LEVEL=silent quiets it in tests. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "hookrelay" },
});
