// The ESLint config is plain JavaScript; the test reads the one list it exports.
declare module "@/eslint.config.mjs" {
  export const CLIENT_SAFE_LIB: readonly string[];
}
