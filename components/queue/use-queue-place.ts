"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { ApiError, apiFetch } from "@/lib/client/api";
import { DEFAULT_POLL_AFTER_MS } from "@/lib/queue/admission-math";
import type { QueueStatus } from "@/lib/queue/schemas";

export const queueKeys = {
  status: (concertId: string) => ["queue", "status", concertId] as const,
};

/** What the waiting-room page shows. */
export type QueuePhase =
  | { kind: "joining" }
  | { kind: "waiting" | "prequeue" | "admitted" | "soldOut"; status: QueueStatus }
  | { kind: "expired" }
  | { kind: "left" }
  | { kind: "signedOut" }
  | { kind: "error" };

const isApiError = (error: unknown, status?: number): error is ApiError =>
  error instanceof ApiError && (status === undefined || error.status === status);

/** A 4xx answer to a poll is final: polling again would only repeat it. */
const isFinal = (error: unknown) => isApiError(error) && error.status >= 400 && error.status < 500;

function phaseOf(options: {
  hasLeft: boolean;
  isTurnOver: boolean;
  joinError: unknown;
  pollError: unknown;
  status: QueueStatus | undefined;
}): QueuePhase {
  const { hasLeft, isTurnOver, joinError, pollError, status } = options;
  if (hasLeft) return { kind: "left" };
  if (isTurnOver) return { kind: "expired" };
  if (isApiError(joinError, 401)) return { kind: "signedOut" };
  if (joinError) return { kind: "error" };
  if (isApiError(pollError, 410)) return { kind: "expired" };
  if (isFinal(pollError)) return { kind: "error" };
  if (!status) return { kind: "joining" };
  // Sold out wins: there is nothing left to pick, even for a fan whose turn has come.
  if (status.soldOut) return { kind: "soldOut", status };
  if (status.status === "ADMITTED") return { kind: "admitted", status };
  return { kind: status.isPrequeued ? "prequeue" : "waiting", status };
}

/**
 * The fan's place in the concert's line: joins on open (the server returns the
 * same place when the fan already stands in line, from any tab or device),
 * then polls the status at the interval the server suggests. The queue token
 * travels in an HttpOnly cookie, so the page never handles it.
 *
 * `joinOnOpen: false` is for a fan sent here because their turn has just
 * ended (they paid or let it run out) or who left the line (`hasLeft`): they
 * see that, and join again only if they choose to.
 */
export function useQueuePlace(concertId: string, options: { joinOnOpen?: boolean; hasLeft?: boolean } = {}) {
  const joinOnOpen = options.joinOnOpen ?? true;
  const queryClient = useQueryClient();
  const statusKey = queueKeys.status(concertId);
  const [hasLeft, setHasLeft] = useState(options.hasLeft ?? false);

  const join = useMutation({
    mutationFn: () => apiFetch<QueueStatus>(`/api/concerts/${concertId}/queue`, { method: "POST" }),
    onSuccess: (status) => {
      setHasLeft(false);
      queryClient.setQueryData(statusKey, status);
    },
  });
  const { mutate: joinLine } = join;
  useEffect(() => {
    if (joinOnOpen) joinLine();
  }, [joinLine, joinOnOpen]);

  const poll = useQuery({
    queryKey: statusKey,
    queryFn: () => apiFetch<QueueStatus>(`/api/queue/status?concertId=${encodeURIComponent(concertId)}`),
    enabled: join.isSuccess && !hasLeft,
    staleTime: Infinity,
    refetchInterval: (query) => (isFinal(query.state.error) ? false : query.state.data?.pollAfterMs ?? DEFAULT_POLL_AFTER_MS),
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: false,
  });

  const leave = useMutation({
    mutationFn: () => apiFetch<void>(`/api/queue?concertId=${encodeURIComponent(concertId)}`, { method: "DELETE" }),
    onSuccess: () => {
      setHasLeft(true);
      queryClient.removeQueries({ queryKey: statusKey });
    },
  });

  const isTurnOver = !joinOnOpen && join.isIdle;
  const phase = phaseOf({ hasLeft, isTurnOver, joinError: join.error, pollError: poll.error, status: poll.data });
  return {
    phase,
    /** When the shown status was last confirmed by the server. */
    updatedAt: poll.dataUpdatedAt,
    isUpdating: poll.isFetching || join.isPending,
    /** A poll failed for a passing reason (network, busy server); the last known place is still shown. */
    isConnectionShaky: poll.isError && !isFinal(poll.error),
    isRejoining: join.isPending,
    rejoin: () => join.mutate(),
    leave: () => leave.mutateAsync(),
    isLeaving: leave.isPending,
  };
}
