// The signed-in fan as the browser learns it when the server could not say
// (the render every fan shares, docs/decisions/135): one GET /api/me per page
// load, shared by every component that shows who is signed in.
import { useQuery, type QueryClient } from "@tanstack/react-query";
import { toViewer, type PageViewer, type Viewer } from "@/lib/auth/page-viewer";
import { ApiError, apiFetch } from "@/lib/client/api";

const VIEWER_QUERY_KEY = ["viewer"] as const;

async function fetchViewer(): Promise<Viewer | null> {
  try {
    const { user } = await apiFetch<{ user: Viewer }>("/api/me");
    return toViewer(user);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/**
 * The viewer: the server's answer when it knew, else /api/me's. `undefined`
 * while the browser is still asking (show a neutral placeholder of the same
 * size); a visitor when asking failed, so the way to sign in is never hidden.
 */
export function useViewer(fromServer: PageViewer): Viewer | null | undefined {
  const asked = useQuery({ queryKey: VIEWER_QUERY_KEY, queryFn: fetchViewer, enabled: !fromServer.known });
  if (fromServer.known) return fromServer.viewer;
  if (asked.isError) return null;
  return asked.data;
}

/** After signing out: no component may show the fan from before. */
export function forgetViewer(queryClient: QueryClient): void {
  queryClient.setQueryData(VIEWER_QUERY_KEY, null);
}
