import { z } from "zod";
import { safeText } from "@/lib/validation/safe-text";

export const emailSchema = safeText()
  .trim()
  .max(254)
  .pipe(z.email({ message: "Enter a valid email address." }))
  .transform((email) => email.toLowerCase());

export const signUpInput = z
  .object({
    email: emailSchema,
    password: safeText().min(8, "Use at least 8 characters.").max(200),
    name: safeText().trim().min(1, "Enter your name.").max(100),
  })
  .meta({ id: "SignUpInput" });

export const signInInput = z
  .object({
    email: emailSchema,
    password: safeText().min(1, "Enter your password.").max(200),
  })
  .meta({ id: "SignInInput" });

export const userSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(["FAN", "ADMIN"]) })
  .meta({ id: "User" });

export const userResponse = z.object({ user: userSchema }).meta({ id: "UserResponse" });

export type SignUpInput = z.infer<typeof signUpInput>;
export type SignInInput = z.infer<typeof signInInput>;
