/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and driver modules must load from node_modules at run time, not be bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "pino", "prom-client"],
  // Lets several builds or dev servers of one checkout run side by side (tests, benchmarks).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The build checks the app's own files; tests, scripts and benchmarks are checked by `npm run typecheck`.
  typescript: { tsconfigPath: "tsconfig.app.json" },
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
