// The browser's way to call the JSON API: one place that turns an API error
// body into an ApiError the UI can show.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export type ApiRequest = { method?: "GET" | "POST" | "DELETE"; body?: unknown; headers?: Record<string, string> };

export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: request.method ?? "GET",
      headers: { ...(request.body !== undefined ? { "content-type": "application/json" } : {}), ...request.headers },
      body: request.body !== undefined ? JSON.stringify(request.body) : undefined,
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    throw new ApiError(0, "NETWORK", "네트워크에 연결할 수 없습니다. 연결을 확인한 뒤 다시 시도해 주세요.");
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string; details?: unknown } } | null;
  if (!response.ok) {
    const retryAfter = Number(response.headers.get("retry-after")) || undefined;
    throw new ApiError(response.status, body?.error?.code ?? "INTERNAL", body?.error?.message ?? "요청을 처리하지 못했습니다.", body?.error?.details, retryAfter);
  }
  return body as T;
}

/** A fresh Idempotency-Key for one user intent (reused on retries of that intent). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
