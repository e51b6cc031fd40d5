// Builds real Request objects for calling route handlers in integration tests.
export const TEST_ORIGIN = "http://localhost:3000";

export type TestRequestOptions = {
  body?: unknown;
  rawBody?: string;
  cookie?: string;
  headers?: Record<string, string>;
  origin?: string | null;
};

export function testRequest(method: string, path: string, options: TestRequestOptions = {}): Request {
  const headers = new Headers({ host: "localhost:3000", ...options.headers });
  if (options.cookie) headers.set("cookie", options.cookie);
  if (options.origin !== null && method !== "GET") headers.set("origin", options.origin ?? TEST_ORIGIN);
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers.set("content-type", "application/json");
  }
  return new Request(new URL(path, TEST_ORIGIN), { method, headers, body });
}

/** Calls a Next route handler the way Next does, with params as a promise. */
export function call<Params extends Record<string, string>>(
  handler: (request: Request, context: { params: Promise<Params> }) => Promise<Response>,
  request: Request,
  params: Params = {} as Params,
): Promise<Response> {
  return handler(request, { params: Promise.resolve(params) });
}

/** The cookie pair (name=value) a response set, to send back on the next request. */
export function cookieFrom(response: Response): string {
  const setCookie = response.headers.get("set-cookie");
  if (!setCookie) throw new Error("The response set no cookie.");
  return setCookie.split(";", 1)[0]!;
}

/** A response read whole: its status, its body text and, for an error, its code. */
export type Answer = { status: number; text: string; code?: string };

/** Waits for every response of a storm and reads each one. */
export async function answersOf(responses: Promise<Response>[]): Promise<Answer[]> {
  return Promise.all(
    responses.map(async (pending) => {
      const response = await pending;
      const text = await response.text();
      return { status: response.status, text, code: response.ok ? undefined : JSON.parse(text).error.code };
    }),
  );
}
