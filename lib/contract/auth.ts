import { z } from "zod";
import { listOf, pageOf, timestamp } from "./common";

export const operatorSchema = z.object({ id: z.string(), email: z.string() });

export const sessionSchema = z.object({ operator: operatorSchema });

/** An operator as Settings lists them. */
export const operatorAccountSchema = operatorSchema.extend({ createdAt: timestamp, lastLoginAt: timestamp.nullable() });
export const operatorListSchema = listOf(operatorAccountSchema);

/** Sign-in and setup: the operator, and when the session cookie set with it expires. */
export const signedInSchema = z.object({ operator: operatorSchema, expiresAt: timestamp });

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe("The token's first characters, to tell tokens apart"),
  createdBy: z.string().nullable(),
  createdAt: timestamp,
  lastUsedAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
});

export const apiTokenListSchema = listOf(apiTokenSchema);

/** Like every create that makes a secret: the new record, with the secret beside its fields this once. */
export const createdApiTokenSchema = apiTokenSchema.extend({ token: z.string().describe("The bearer token itself, shown this once") });

export const auditEntrySchema = z.object({
  id: z.string(),
  actor: z.string().describe("operator:<email>, token:<name> or system"),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  details: z.unknown(),
  createdAt: timestamp,
});

export const auditPageSchema = pageOf(auditEntrySchema);

export type Session = z.infer<typeof sessionSchema>;
export type Operator = z.infer<typeof operatorAccountSchema>;
export type ApiToken = z.infer<typeof apiTokenSchema>;
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditPage = z.infer<typeof auditPageSchema>;
export type SignedIn = z.infer<typeof signedInSchema>;
