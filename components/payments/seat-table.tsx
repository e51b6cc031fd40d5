import { formatShortDateTime, formatWon } from "@/lib/i18n/format";
import { payments as t } from "@/lib/i18n/ko/payments";
import styles from "./payments.module.css";

export type SeatRow = {
  id: string;
  seatNumber: number;
  grade: string;
  startsAt: string;
  price: number;
  /** What a fan reads, e.g. "A구역 3열 12번". */
  label: string;
};

/** Seats with their date, grade and price: the holds at checkout and the tickets after payment. */
export function SeatTable({ seats, caption }: { seats: SeatRow[]; caption: string }) {
  return (
    <table className={`table ${styles.seatTable}`}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.checkout.columns.date}</th>
          <th scope="col">{t.checkout.columns.seat}</th>
          <th scope="col" className="num">{t.checkout.columns.price}</th>
        </tr>
      </thead>
      <tbody>
        {seats.map((seat) => (
          <tr key={seat.id}>
            <td>
              <time dateTime={seat.startsAt}>{formatShortDateTime(seat.startsAt)}</time>
            </td>
            <td>
              <span className={`grade--${seat.grade} ${styles.seatName}`}>
                <span className="grade-dot" aria-hidden="true" />
                {seat.label}
              </span>
            </td>
            <td className="num">{formatWon(seat.price)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
