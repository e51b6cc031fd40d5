import "server-only";
import { env } from "@/lib/env";
import { createHashBudget, type HashBudget } from "@/lib/auth/hash-budget";

const budgets = new Map<"sign-ins" | "sign-ups", HashBudget>();

function budgetFor(what: "sign-ins" | "sign-ups", concurrency: number, queueLimit: number): HashBudget {
  let budget = budgets.get(what);
  if (!budget) {
    budget = createHashBudget({
      concurrency,
      queueLimit,
      maxWaitMs: env().HASH_MAX_WAIT_MS,
      shedMessage: `Too many ${what} right now. Please retry in a moment.`,
    });
    budgets.set(what, budget);
  }
  return budget;
}

/** This process's sign-in hashing budget (lib/auth/hash-budget.ts), sized by SIGN_IN_HASH_* and HASH_MAX_WAIT_MS. */
export function signInHashBudget(): HashBudget {
  return budgetFor("sign-ins", env().SIGN_IN_HASH_CONCURRENCY, env().SIGN_IN_HASH_QUEUE);
}

/** This process's sign-up hashing budget, separate so a wave of sign-ups cannot shut out sign-ins (or the reverse). */
export function signUpHashBudget(): HashBudget {
  return budgetFor("sign-ups", env().SIGN_UP_HASH_CONCURRENCY, env().SIGN_UP_HASH_QUEUE);
}
