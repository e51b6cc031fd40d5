"use client";

import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from "chart.js";
import { useEffect, useRef } from "react";
import styles from "./live.module.css";

// Only the parts a bar chart uses, so the bundle carries no other chart type.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

type Props = {
  title: string;
  /** "HH:mm" of each minute, oldest first. */
  minutes: readonly string[];
  counts: readonly number[];
  colour: string;
  /** What the chart shows, in words: the canvas's accessible name (the table below has every number). */
  summary: string;
};

/**
 * One series of the last hour as a bar per minute, drawn by Chart.js on a
 * canvas. The chart is made once and updated in place on every refresh,
 * without animation (it refreshes every few seconds and should not dance).
 */
export function MinuteChart({ title, minutes, counts, colour, summary }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<"bar"> | null>(null);

  useEffect(() => {
    if (!canvas.current) return;
    chart.current = new Chart(canvas.current, {
      type: "bar",
      data: { labels: [], datasets: [{ label: title, data: [], backgroundColor: colour, borderRadius: 2, maxBarThickness: 14 }] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { tooltip: { intersect: false, mode: "index" } },
        scales: {
          x: { grid: { display: false }, ticks: { autoSkip: true, maxTicksLimit: 7, maxRotation: 0, color: "#55566b" } },
          y: { beginAtZero: true, ticks: { precision: 0, maxTicksLimit: 5, color: "#55566b" }, grid: { color: "#ececf3" } },
        },
      },
    });
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [title, colour]);

  useEffect(() => {
    const drawn = chart.current;
    if (!drawn) return;
    drawn.data.labels = [...minutes];
    drawn.data.datasets[0]!.data = [...counts];
    drawn.update();
  }, [minutes, counts, title, colour]);

  return (
    <figure className={styles.chart}>
      <figcaption className={styles.chartTitle}>
        <span className={styles.swatch} style={{ background: colour }} aria-hidden="true" />
        {title}
      </figcaption>
      <div className={styles.chartBox}>
        <canvas ref={canvas} role="img" aria-label={summary}>
          {summary}
        </canvas>
      </div>
    </figure>
  );
}
