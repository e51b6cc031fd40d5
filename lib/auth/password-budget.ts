import "server-only";
import { env } from "@/lib/env";
import { createHashBudget, type HashBudget } from "@/lib/auth/hash-budget";

let signInBudget: HashBudget | undefined;
let signUpBudget: HashBudget | undefined;

/** This process's sign-in hashing budget (lib/auth/hash-budget.ts), sized by SIGN_IN_HASH_*. */
export function signInHashBudget(): HashBudget {
  signInBudget ??= createHashBudget({
    concurrency: env().SIGN_IN_HASH_CONCURRENCY,
    queueLimit: env().SIGN_IN_HASH_QUEUE,
    shedMessage: "Too many sign-ins right now. Please retry in a moment.",
  });
  return signInBudget;
}

/** This process's sign-up hashing budget, separate so a sign-up wave cannot shut out sign-ins (or the reverse). */
export function signUpHashBudget(): HashBudget {
  signUpBudget ??= createHashBudget({
    concurrency: env().SIGN_UP_HASH_CONCURRENCY,
    queueLimit: env().SIGN_UP_HASH_QUEUE,
    shedMessage: "Too many sign-ups right now. Please retry in a moment.",
  });
  return signUpBudget;
}
