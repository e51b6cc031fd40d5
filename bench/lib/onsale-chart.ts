// The on-sale simulation's chart: tickets sold per minute against pretix's
// published 300–400 per minute for one event, and the line over time. A
// Vega-Lite spec rendered to SVG by Vega itself, in this process: no browser,
// no canvas.

/** What is used of vega-lite and vega (devDependencies). */
type VegaLite = { compile: (spec: object) => { spec: object } };
type Vega = {
  parse: (spec: object) => object;
  View: new (runtime: object, options: { renderer: "none" }) => { toSVG: () => Promise<string>; finalize: () => void };
};

/**
 * Loaded when a chart is drawn, by a name the compiler does not resolve: a
 * checkout whose node_modules predate these devDependencies still typechecks
 * and runs every other scenario (npm install brings them).
 */
async function loadDevDependency<T>(name: string): Promise<T> {
  return (await import(name)) as T;
}

export type ChartInput = {
  title: string;
  /** Tickets sold per minute, per time bucket (seconds since the room opened) of `bucketSeconds`. */
  sales: { startSeconds: number; perMinute: number }[];
  bucketSeconds: number;
  /** Sampled every second: fans waiting in line and fans admitted. */
  line: { seconds: number; waiting: number; admitted: number }[];
};

const PRETIX_PER_MINUTE = [300, 400];
const WIDTH = 640;

export function chartSpec(input: ChartInput): object {
  const seconds = { field: "seconds", type: "quantitative", title: "문을 연 뒤 (초)" } as const;
  const band = PRETIX_PER_MINUTE.map((perMinute) => ({ perMinute }));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: input.title,
    config: { font: "sans-serif", view: { stroke: null } },
    vconcat: [
      {
        width: WIDTH,
        height: 220,
        title: "분당 판매 매수 (점선: pretix 공개 수치 300–400/분)",
        layer: [
          {
            data: { values: input.sales.map((bucket) => ({ ...bucket, seconds: bucket.startSeconds, end: bucket.startSeconds + input.bucketSeconds })) },
            mark: { type: "bar", color: "#2f6fde", stroke: "white", strokeWidth: 1 },
            encoding: {
              x: seconds,
              x2: { field: "end" },
              y: { field: "perMinute", type: "quantitative", title: "매/분" },
              y2: { datum: 0 },
            },
          },
          {
            data: { values: band },
            mark: { type: "rule", strokeDash: [4, 4], color: "#d9480f" },
            encoding: { y: { field: "perMinute", type: "quantitative" } },
          },
        ],
      },
      {
        width: WIDTH,
        height: 180,
        title: "대기열 길이",
        data: { values: input.line },
        transform: [{ fold: ["waiting", "admitted"], as: ["state", "fans"] }],
        mark: { type: "line", interpolate: "step-after" },
        encoding: {
          x: seconds,
          y: { field: "fans", type: "quantitative", title: "팬 수" },
          color: {
            field: "state",
            type: "nominal",
            title: null,
            scale: { domain: ["waiting", "admitted"], range: ["#868e96", "#2b8a3e"] },
            legend: { labelExpr: "datum.label === 'waiting' ? '대기 중' : '입장'" },
          },
        },
      },
    ],
  };
}

export async function renderChartSvg(input: ChartInput): Promise<string> {
  const { compile } = await loadDevDependency<VegaLite>("vega-lite");
  const { parse, View } = await loadDevDependency<Vega>("vega");
  const view = new View(parse(compile(chartSpec(input)).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
