import { admin as t } from "@/lib/i18n/ko/admin";
import styles from "./venues.module.css";

export type DrawnSection = { name: string; grade: string; seats: number; x: number; y: number; width: number; height: number; rotation: number };

/** The grades' colours in the order a venue first names them (the first three match the seat map's). */
const GRADE_COLOURS = ["#7c3aed", "#db2777", "#0891b2", "#16a34a", "#ea580c", "#4f46e5", "#a16207", "#475569"];

export function gradeColour(grades: readonly string[], grade: string): string {
  const index = grades.indexOf(grade);
  return GRADE_COLOURS[(index === -1 ? grades.length : index) % GRADE_COLOURS.length]!;
}

/**
 * A venue drawn as the booking page's 1000 × 1000 view box holds it: the stage at the top and
 * each section a box coloured by its grade, named with its seat count.
 */
export function VenueDrawing({ sections, label }: { sections: readonly DrawnSection[]; label: string }) {
  const grades = [...new Set(sections.map((section) => section.grade))];
  return (
    <figure className={styles.drawing}>
      <svg viewBox="0 0 1000 1000" role="img" aria-label={label}>
        <rect x="250" y="30" width="500" height="70" rx="12" className={styles.stage} />
        <text x="500" y="74" textAnchor="middle" className={styles.stageLabel}>{t.venues.stage}</text>
        {sections.map((section, index) => {
          const centreX = section.x + section.width / 2;
          const centreY = section.y + section.height / 2;
          const fontSize = Math.max(14, Math.min(34, section.height / 3, section.width / Math.max(4, section.name.length + 2)));
          return (
            <g key={`${section.name}-${index}`} transform={`rotate(${section.rotation} ${centreX} ${centreY})`}>
              <rect x={section.x} y={section.y} width={section.width} height={section.height} rx="8" fill={gradeColour(grades, section.grade)} fillOpacity="0.85" />
              <text x={centreX} y={centreY} textAnchor="middle" dominantBaseline="middle" fontSize={fontSize} className={styles.sectionLabel}>
                {section.name} · {section.seats.toLocaleString("ko-KR")}
              </text>
            </g>
          );
        })}
      </svg>
      {grades.length > 0 && (
        <figcaption className={styles.legend}>
          {grades.map((grade) => (
            <span key={grade} className={styles.legendItem}>
              <span className={styles.swatch} style={{ background: gradeColour(grades, grade) }} aria-hidden="true" />
              {grade}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}
