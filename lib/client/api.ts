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
  const response = await send(path, request);
  if (response.status === 204) return undefined as T;
  return readJson<T>(response);
}

async function send(path: string, request: ApiRequest): Promise<Response> {
  try {
    return await fetch(path, {
      method: request.method ?? "GET",
      headers: { ...(request.body !== undefined ? { "content-type": "application/json" } : {}), ...request.headers },
      body: request.body !== undefined ? JSON.stringify(request.body) : undefined,
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    throw new ApiError(0, "NETWORK", "네트워크에 연결할 수 없습니다. 연결을 확인한 뒤 다시 시도해 주세요.");
  }
}

async function readJson<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string; details?: unknown } } | null;
  if (!response.ok) {
    const retryAfter = Number(response.headers.get("retry-after")) || undefined;
    throw new ApiError(response.status, body?.error?.code ?? "INTERNAL", body?.error?.message ?? "요청을 처리하지 못했습니다.", body?.error?.details, retryAfter);
  }
  return body as T;
}

/** The bodies last read with an ETag, by path; the oldest go first past the bound. */
const taggedBodies = new Map<string, { etag: string; body: unknown }>();
const TAGGED_BODIES_MAX = 50;

/**
 * GETs a resource that answers with an ETag, sending the last one seen as
 * If-None-Match: a 304 answers the very body read before (the same object,
 * so nothing that shows it renders again), without transferring it again.
 */
export async function apiFetchTagged<T>(path: string): Promise<T> {
  const known = taggedBodies.get(path);
  const response = await send(path, { headers: known ? { "if-none-match": known.etag } : {} });
  if (response.status === 304 && known) return known.body as T;
  const body = await readJson<T>(response);
  const etag = response.headers.get("etag");
  if (etag) primeTagged(path, etag, body);
  else taggedBodies.delete(path);
  return body;
}

/** Remembers a body and its ETag as read for a path (by apiFetchTagged, or by the server's render). */
export function primeTagged(path: string, etag: string, body: unknown): void {
  taggedBodies.delete(path);
  taggedBodies.set(path, { etag, body });
  if (taggedBodies.size > TAGGED_BODIES_MAX) taggedBodies.delete(taggedBodies.keys().next().value!);
}

/** A fresh Idempotency-Key for one user intent (reused on retries of that intent). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
