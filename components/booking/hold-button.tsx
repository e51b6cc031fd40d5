import { booking as t } from "@/lib/i18n/ko/booking";

/** "선택 좌석 잡기", with a spinner while the hold is on its way. */
export function HoldButton({ isHolding, isDisabled, onHold, className }: { isHolding: boolean; isDisabled: boolean; onHold: () => void; className?: string }) {
  return (
    <button type="button" className={`btn btn--primary btn--large ${className ?? ""}`} onClick={onHold} disabled={isDisabled || isHolding}>
      {isHolding ? (
        <>
          <span className="spinner" aria-hidden="true" /> {t.selection.holding}
        </>
      ) : (
        t.selection.hold
      )}
    </button>
  );
}
