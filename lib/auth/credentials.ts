import { z } from "zod";

// Input schemas shared by the route handlers and the browser forms, so nothing here may
// import Node modules.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

// E-mail addresses are compared lower-cased: operators type them by hand.
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid e-mail address").max(254, "E-mail addresses have at most 254 characters"));

export const signInSchema = z.object({
  email: emailSchema,
  // Not checked for strength here: an old password that is now too short must still be refused by comparison, not by a hint.
  password: z.string().min(1, "Enter your password").max(PASSWORD_MAX_LENGTH, `Passwords have at most ${PASSWORD_MAX_LENGTH} characters`),
});

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Passwords have at most ${PASSWORD_MAX_LENGTH} characters`);

export const setupSchema = z.object({ email: emailSchema, password: newPasswordSchema });

/** Another operator, added by one who is signed in. */
export const operatorCreateSchema = z.object({ email: emailSchema, password: newPasswordSchema });
export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(PASSWORD_MAX_LENGTH, `Passwords have at most ${PASSWORD_MAX_LENGTH} characters`),
  newPassword: newPasswordSchema,
});

export type SignInInput = z.output<typeof signInSchema>;
export type OperatorCreateInput = z.output<typeof operatorCreateSchema>;
export type PasswordChangeInput = z.output<typeof passwordChangeSchema>;
export type SetupInput = z.output<typeof setupSchema>;

export const apiTokenCreateSchema = z.object({
  name: z.string().trim().min(1, "Give the token a name").max(64, "Names have at most 64 characters"),
});
