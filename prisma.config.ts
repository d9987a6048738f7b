// Prisma's CLI runs here on its bundled WebAssembly engine through a driver adapter
// (the native schema engine cannot be downloaded offline). PRISMA_PROVIDER picks which
// derived schema the CLI works on; the app itself never reads this file.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

const provider = process.env.PRISMA_PROVIDER === "postgresql" ? "postgresql" : "sqlite";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", provider, "schema.prisma"),
  migrations: { path: path.join("prisma", provider, "migrations") },
  async adapter() {
    if (provider === "postgresql") {
      return new PrismaPg({ connectionString: process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/test" });
    }
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL || ":memory:" });
  },
});
