// The part of autocannon's programmatic API the harness uses (the package ships no types).
declare module "autocannon" {
  type Histogram = { average: number; p50: number; p99: number; min: number; max: number; total: number };

  export type AutocannonRequest = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
  };

  export type AutocannonOptions = {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    requests?: AutocannonRequest[];
  };

  export type AutocannonResult = {
    requests: Histogram & { sent: number };
    latency: Histogram;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    "1xx": number;
    "2xx": number;
    "3xx": number;
    "4xx": number;
    "5xx": number;
    statusCodeStats: Record<string, { count: number }>;
  };

  /** The run, awaitable; it emits "response" as each answer arrives. */
  export type AutocannonRun = Promise<AutocannonResult> & { on(event: "response", listener: () => void): AutocannonRun };

  export default function autocannon(options: AutocannonOptions): AutocannonRun;
}
