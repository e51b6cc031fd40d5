import type { LiveCounts } from "@/lib/admin/live-schemas";
import { admin } from "@/lib/i18n/ko/admin";
import { ARENA_STAGE as STAGE } from "@/lib/venues/arena-layout";
import styles from "./live.module.css";

const t = admin.live.heatMap;

type Section = LiveCounts["dates"][number]["sections"][number];

/** The share of a section's seats sold, in fifths; `full` when nothing is left to sell or hold. */
export const HEAT_BANDS = ["none", "low", "some", "half", "most", "full"] as const;
type HeatBand = (typeof HEAT_BANDS)[number];

export function heatBandOf(section: Pick<Section, "total" | "sold" | "available">): HeatBand {
  if (section.total === 0 || section.available === 0) return "full";
  if (section.sold === 0) return "none";
  return HEAT_BANDS[Math.min(4, 1 + Math.floor((section.sold / section.total) * 4))]!;
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

/** Keeps a section's two lines inside its box. */
function fontSize(section: Section): number {
  return Math.max(10, Math.min(26, section.height * 0.26, section.width / Math.max(4, section.name.length * 1.1)));
}

/**
 * One date of an arena as the booking page draws it (the same 1000 × 1000
 * view box and boxes), each section coloured by the share of its seats sold
 * and named with its sold, held and free seats, for an operator watching the
 * on-sale. Each section is an image with its counts as its accessible name;
 * the legend and the date's table say the same in words and numbers.
 */
export function SectionHeatMap({ sections, caption }: { sections: readonly Section[]; caption: string }) {
  return (
    <figure className={styles.heatMap}>
      <svg className={styles.venue} viewBox="0 0 1000 1000" role="group" aria-label={caption}>
        <g aria-hidden="true">
          <rect className={styles.stage} x={STAGE.x} y={STAGE.y} width={STAGE.width} height={STAGE.height} rx={STAGE.height / 2} />
          <text className={styles.stageText} x={STAGE.x + STAGE.width / 2} y={STAGE.y + STAGE.height / 2} dominantBaseline="central" textAnchor="middle">
            {t.stage}
          </text>
        </g>
        {sections.map((section) => {
          const centreX = section.x + section.width / 2;
          const centreY = section.y + section.height / 2;
          const size = fontSize(section);
          return (
            <g
              key={section.sectionId}
              role="img"
              className={styles.heatSection}
              data-heat={heatBandOf(section)}
              aria-label={t.section(section.name, section.grade, section.sold, section.held, section.available, section.total)}
              transform={section.rotation ? `rotate(${section.rotation} ${centreX} ${centreY})` : undefined}
            >
              <rect className={styles.heatBox} x={section.x} y={section.y} width={section.width} height={section.height} rx={8} />
              <text className={styles.heatName} x={centreX} y={centreY - size * 0.55} fontSize={size} textAnchor="middle" dominantBaseline="central">
                {section.name}
              </text>
              <text className={styles.heatCount} x={centreX} y={centreY + size * 0.6} fontSize={size * 0.8} textAnchor="middle" dominantBaseline="central">
                {t.soldShare(percent(section.sold, section.total), section.held)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className={styles.legend}>
        <span className={styles.legendTitle}>{t.legendTitle}</span>
        <ul className={styles.legendItems}>
          {HEAT_BANDS.map((band) => (
            <li key={band} className={styles.legendItem}>
              <span className={styles.legendSwatch} data-heat={band} aria-hidden="true" />
              {t.bands[band]}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
