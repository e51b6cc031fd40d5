import { gradeClass, type SeatVisualState } from "@/components/booking/seat-grid";
import type { Availability, GradeSummary } from "@/lib/booking/seat-layout";
import { formatWon } from "@/lib/i18n/format";
import { booking as t } from "@/lib/i18n/ko/booking";
import gridStyles from "./seat-grid.module.css";
import styles from "./seat-legend.module.css";

const STATES: Array<{ state: Exclude<SeatVisualState, "available">; label: string }> = [
  { state: "selected", label: t.legend.selected },
  { state: "mine", label: t.legend.mine },
  { state: "held", label: t.legend.held },
  { state: "sold", label: t.legend.sold },
];

const AVAILABILITIES: Availability[] = ["plenty", "some", "few", "none"];

type Props = {
  grades: GradeSummary[];
  /** The venue drawing explains its colours (what is left); a seat grid explains seat states. */
  view: "venue" | "seats";
};

/** Grades with their prices and seats left, and what the colours of the drawing or the seats mean. */
export function SeatLegend({ grades, view }: Props) {
  return (
    <div className={styles.legend}>
      <div>
        <h3 className={styles.title}>{t.legend.grades}</h3>
        <ul className={`list-plain ${styles.items}`}>
          {grades.map((grade) => (
            <li key={grade.grade} className={styles.item}>
              <span className={`${gridStyles.seat} ${styles.swatch} ${gradeClass(grade.grade)}`} data-state="available" aria-hidden="true" />
              <span className={styles.grade}>{t.legend.grade(grade.grade)}</span>
              <span className="tabular">{formatWon(grade.price)}</span>
              <span className="tabular muted small">{t.venue.gradeCount(grade.availableSeats, grade.totalSeats)}</span>
            </li>
          ))}
        </ul>
      </div>
      {view === "venue" ? (
        <div>
          <h3 className={styles.title}>{t.venue.availabilityTitle}</h3>
          <ul className={`list-plain ${styles.items}`}>
            {AVAILABILITIES.map((availability) => (
              <li key={availability} className={styles.item}>
                <span className={styles.area} data-availability={availability} aria-hidden="true" />
                <span>{t.venue.availability[availability]}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <div>
          <h3 className={styles.title}>{t.legend.title}</h3>
          <ul className={`list-plain ${styles.items}`}>
            {STATES.map(({ state, label }) => (
              <li key={state} className={styles.item}>
                <span className={`${gridStyles.seat} ${styles.swatch} grade--S`} data-state={state} aria-hidden="true" />
                <span>{label}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
