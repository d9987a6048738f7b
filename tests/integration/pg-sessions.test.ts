import { describe, expect, it } from "vitest";
import { connect } from "@/lib/db/client";
import { createPgPool } from "@/lib/db/pg-pool";

const SETTINGS = "SELECT current_setting('application_name') AS app, current_setting('plan_cache_mode') AS plans, current_setting('synchronous_commit') AS commits, current_setting('statement_timeout') AS deadline";

describe.runIf(process.env.TEST_POSTGRES_URL)("PostgreSQL sessions with settings of their own", () => {
  const deadlines = { connectMs: 5_000, statementMs: 4_000 };

  it("keep the options the database URL gives, and the deadlines, beside their own", async () => {
    const url = new URL(process.env.TEST_POSTGRES_URL!);
    url.searchParams.set("options", "-c application_name=from-the-url");
    const pool = createPgPool(url.toString(), { max: 1, deadlines, settings: { plan_cache_mode: "force_generic_plan" } });
    try {
      expect((await pool.query(SETTINGS)).rows[0]).toMatchObject({ app: "from-the-url", plans: "force_generic_plan", deadline: "4s" });
    } finally {
      await pool.end();
    }
  });

  it("are the claim's alone: the shared pool plans and commits as the server is set", async () => {
    const db = await connect(process.env.TEST_POSTGRES_URL!, { deadlines });
    try {
      expect((await db.pgClaimPool!.query(SETTINGS)).rows[0]).toMatchObject({ plans: "force_generic_plan", commits: "off", deadline: "4s" });
      expect((await db.pgPool!.query(SETTINGS)).rows[0]).toMatchObject({ plans: "auto", commits: "on", deadline: "4s" });
    } finally {
      await db.close();
    }
  });
});
