"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { apiFetch } from "@/lib/client/api";

export function SignOutButton({ label }: { label: string }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className="btn btn--ghost btn--small"
      disabled={isPending}
      onClick={() =>
        startTransition(async () => {
          await apiFetch("/api/auth/sign-out", { method: "POST" }).catch(() => undefined);
          router.push("/");
          router.refresh();
        })
      }
    >
      {label}
    </button>
  );
}
