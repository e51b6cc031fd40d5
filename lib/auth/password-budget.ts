import "server-only";
import { env } from "@/lib/env";
import { createHashBudget, type HashBudget } from "@/lib/auth/hash-budget";
import { createHashThreads, type HashThreads } from "@/lib/auth/hash-threads";

/** One thread each for sign-in and sign-up hashing: on our two cores more would take the JavaScript thread's core. */
const THREADS_PER_BUDGET = 1;

export type PasswordHashing = { budget: HashBudget; threads: HashThreads };

const hashings = new Map<"sign-ins" | "sign-ups", PasswordHashing>();

function hashingFor(what: "sign-ins" | "sign-ups", concurrency: number, queueLimit: number): PasswordHashing {
  let hashing = hashings.get(what);
  if (!hashing) {
    const threads = createHashThreads(THREADS_PER_BUDGET);
    const budget = createHashBudget({
      concurrency,
      queueLimit,
      maxWaitMs: env().HASH_MAX_WAIT_MS,
      shedAnswerDelayMs: env().HASH_SHED_ANSWER_DELAY_MS,
      shedMessage: `Too many ${what} right now. Please retry in a moment.`,
      hashCostMs: () => {
        const averageMs = threads.averageHashMs();
        return averageMs === undefined ? undefined : averageMs / THREADS_PER_BUDGET;
      },
    });
    hashing = { budget, threads };
    hashings.set(what, hashing);
  }
  return hashing;
}

/** This process's sign-in hashing: its budget (lib/auth/hash-budget.ts, sized by SIGN_IN_HASH_* and HASH_MAX_WAIT_MS) and thread. */
export function signInHashing(): PasswordHashing {
  return hashingFor("sign-ins", env().SIGN_IN_HASH_CONCURRENCY, env().SIGN_IN_HASH_QUEUE);
}

/** Sign-up's, separate so a wave of sign-ups cannot shut out sign-ins (or the reverse). */
export function signUpHashing(): PasswordHashing {
  return hashingFor("sign-ups", env().SIGN_UP_HASH_CONCURRENCY, env().SIGN_UP_HASH_QUEUE);
}

export const signInHashBudget = (): HashBudget => signInHashing().budget;
export const signUpHashBudget = (): HashBudget => signUpHashing().budget;
