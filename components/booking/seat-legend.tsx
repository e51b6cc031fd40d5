import { gradeClass, type SeatVisualState } from "@/components/booking/seat-map";
import { formatWon } from "@/lib/i18n/format";
import { booking as t } from "@/lib/i18n/ko/booking";
import mapStyles from "./seat-map.module.css";
import styles from "./seat-legend.module.css";

const STATES: Array<{ state: Exclude<SeatVisualState, "available">; label: string }> = [
  { state: "selected", label: t.legend.selected },
  { state: "mine", label: t.legend.mine },
  { state: "held", label: t.legend.held },
  { state: "sold", label: t.legend.sold },
];

/** Grades with their prices, and what each seat look means. */
export function SeatLegend({ tiers }: { tiers: { grade: string; price: number }[] }) {
  return (
    <div className={styles.legend}>
      <div>
        <h3 className={styles.title}>{t.legend.grades}</h3>
        <ul className={`list-plain ${styles.items}`}>
          {tiers.map((tier) => (
            <li key={tier.grade} className={styles.item}>
              <span className={`${mapStyles.seat} ${styles.swatch} ${gradeClass(tier.grade)}`} data-state="available" aria-hidden="true" />
              <span className={styles.grade}>{t.legend.grade(tier.grade)}</span>
              <span className="tabular">{formatWon(tier.price)}</span>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className={styles.title}>{t.legend.title}</h3>
        <ul className={`list-plain ${styles.items}`}>
          {STATES.map(({ state, label }) => (
            <li key={state} className={styles.item}>
              <span className={`${mapStyles.seat} ${styles.swatch} grade--S`} data-state={state} aria-hidden="true" />
              <span>{label}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
