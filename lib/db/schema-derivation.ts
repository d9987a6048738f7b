export const PROVIDERS = ["sqlite", "postgresql"] as const;
export type Provider = (typeof PROVIDERS)[number];

export function providerSchemaPath(provider: Provider): string {
  return `prisma/${provider}/schema.prisma`;
}

export function migrationsPath(provider: Provider): string {
  return `prisma/${provider}/migrations`;
}

const PLACEHOLDER_URL: Record<Provider, string> = {
  sqlite: "file:./placeholder.db",
  postgresql: "postgresql://placeholder",
};

/** The generated client for each provider lives in its own folder: the query compiler differs. */
export function renderProviderSchema(provider: Provider, models: string): string {
  return `// Generated from prisma/models.prisma by \`npm run db:schemas\`. Do not edit.

generator client {
  provider   = "prisma-client"
  output     = "../../lib/db/generated/${provider}"
  engineType = "client"
}

// The URL is only a placeholder the schema parser insists on: every connection,
// the CLI's included, goes through a driver adapter built from DATABASE_URL.
datasource db {
  provider = "${provider}"
  url      = "${PLACEHOLDER_URL[provider]}"
}

${models.trim()}
`;
}
