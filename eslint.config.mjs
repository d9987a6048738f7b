import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/** lib/ modules with no server code in them or under them: what client code may import values from. */
export const CLIENT_SAFE_LIB = [
  "retry",
  "retry/policy",
  "retry/backoff",
  "retry/classify",
  "simulator",
  "simulator/backtest-request",
  "auth/credentials",
  "auth/next-path",
  "delivery/delivery-view",
  "delivery/endpoint-schema",
  "delivery/event-filter",
  "delivery/policy-schema",
  "dlq/dead-letter-view",
  "inbound/inbound-status",
  "inbound/providers/types",
  "inbound/providers/catalog",
  "inbound/source-name",
  "inbound/canonical-json",
];

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // `const { secret: _secret, ...rest } = row` is how a field is left out of an answer.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      // These two only report what the React Compiler would skip; the app does not run it (next.config.js).
      "react-hooks/preserve-manual-memoization": "off",
      "react-hooks/incompatible-library": "off",
    },
  },
  {
    // Client code (components/, rendered in the browser) may reach lib/ only through the
    // modules that hold no server code: pure logic, schemas, constants. Everything else in
    // lib/ (services, the database, auth, HTTP glue) would be bundled for the browser, or
    // fail the build there. Types are free to cross. The `server-only` package would say
    // this at build time, but it is not installable here and its default export throws
    // outside React's server condition, which tsx scripts and vitest do not run under.
    files: ["components/**/*.{ts,tsx}"],
    ignores: ["components/api-docs/**"], // server components: they render the contract itself
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              // gitignore-style: a folder must be let in again before a module inside it can be.
              group: ["@/lib/**", ...new Set(CLIENT_SAFE_LIB.flatMap((m) => m.split("/").map((_, i, parts) => `!@/lib/${parts.slice(0, i + 1).join("/")}`)))],
              allowTypeImports: true,
              message: "Client code imports lib/ only from the modules without server code (CLIENT_SAFE_LIB in eslint.config.mjs); import the type, or move the value to such a module.",
            },
          ],
        },
      ],
    },
  },
  {
    // Test helpers named use* (useApp, useTestDatabase) register vitest hooks, not React hooks.
    files: ["tests/integration/**", "tests/support/**", "e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores([".next/**", ".next-*/**", "lib/db/generated/**", "data/**", "test-results/**", "playwright-report/**", "e2e/artifacts/**", "next-env.d.ts"]),
]);
