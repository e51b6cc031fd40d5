"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { apiFetch } from "@/lib/client/api";
import { forgetViewer } from "@/lib/client/use-viewer";

export function SignOutButton({ label }: { label: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [isPending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className="btn btn--ghost btn--small"
      disabled={isPending}
      onClick={() =>
        startTransition(async () => {
          await apiFetch("/api/auth/sign-out", { method: "POST" }).catch(() => undefined);
          forgetViewer(queryClient);
          router.push("/");
          router.refresh();
        })
      }
    >
      {label}
    </button>
  );
}
