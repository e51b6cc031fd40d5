-- Refunds (docs/decisions/105). An operator refunds a payment's seats, or a
-- fan cancels a ticket while the date's booking is open: in one transaction
-- the reservations turn CANCELLED (the seat is free again: it has no live
-- reservation, reservations_one_live_per_seat), a refunds row records it, a
-- REFUND ledger entry credits the wallet with the refund's amount, and the
-- payment's status says how much of it is refunded.

-- One refund of some of a payment's seats. actor_id: the operator who refunded;
-- NULL when the fan cancelled the ticket. An operator who made refunds cannot
-- be deleted (no cascade): the record of who refunded stays.
CREATE TABLE refunds (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  payment_id uuid NOT NULL REFERENCES payments (id),
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  amount     bigint NOT NULL,
  actor_id   uuid REFERENCES users (id),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT refunds_amount_check CHECK (amount > 0)
);
CREATE INDEX refunds_payment_id_idx ON refunds (payment_id);
CREATE INDEX refunds_user_id_idx ON refunds (user_id);
CREATE INDEX refunds_actor_id_idx ON refunds (actor_id) WHERE actor_id IS NOT NULL;

-- COMPLETED: every seat still sold; PARTIALLY_REFUNDED: some seats refunded;
-- REFUNDED: every seat refunded.
ALTER TABLE payments ADD CONSTRAINT payments_status_check
  CHECK (status IN ('COMPLETED', 'PARTIALLY_REFUNDED', 'REFUNDED'));

-- A refunded seat keeps its payment (the order still shows it) and names its
-- refund. A sale is CONFIRMED with a payment; a refunded sale is CANCELLED with
-- its payment and refund; anything else (a hold, expired or let go) has neither.
ALTER TABLE reservations ADD COLUMN refund_id uuid REFERENCES refunds (id);
ALTER TABLE reservations DROP CONSTRAINT reservations_confirmed_has_payment;
ALTER TABLE reservations ADD CONSTRAINT reservations_sale_check CHECK (
  CASE
    WHEN status = 'CONFIRMED' THEN payment_id IS NOT NULL AND refund_id IS NULL
    WHEN refund_id IS NOT NULL THEN status = 'CANCELLED' AND payment_id IS NOT NULL
    ELSE payment_id IS NULL
  END);
-- A payment's seats, for refunding them and for listing orders.
CREATE INDEX reservations_payment_id_idx ON reservations (payment_id) WHERE payment_id IS NOT NULL;
CREATE INDEX reservations_refund_id_idx ON reservations (refund_id) WHERE refund_id IS NOT NULL;

-- A REFUND entry credits the wallet and names its refund (one entry per
-- refund); a PAYMENT entry names its payment; a CHARGE names neither.
ALTER TABLE wallet_entries ADD COLUMN refund_id uuid REFERENCES refunds (id);
ALTER TABLE wallet_entries DROP CONSTRAINT wallet_entries_sign_check;
ALTER TABLE wallet_entries ADD CONSTRAINT wallet_entries_sign_check CHECK (
  (type = 'CHARGE' AND amount > 0 AND payment_id IS NULL AND refund_id IS NULL)
  OR (type = 'PAYMENT' AND amount < 0 AND payment_id IS NOT NULL AND refund_id IS NULL)
  OR (type = 'REFUND' AND amount > 0 AND payment_id IS NULL AND refund_id IS NOT NULL)
);
CREATE UNIQUE INDEX wallet_entries_refund_id_key ON wallet_entries (refund_id);

-- ledger_write gains the entry's refund (a trailing parameter with a default,
-- so settle_payment's calls stay as they are). A copy of
-- prisma/functions/ledger_write.sql as of this migration.
DROP FUNCTION ledger_write(uuid, "WalletEntryType", bigint, uuid);
-- The ledger write, the one way money moves (docs/decisions/030, 050): the
-- wallet's balance changes and the entry recording the change with the
-- balance it produced is appended in the same call, so neither ever exists
-- without the other. Charges and refunds reach it through ledgerWrite
-- (lib/wallet/ledger-write.ts), payments through settle_payment.
--
-- ledger_write(user, type, amount, payment[, refund]) adds `amount` won to the
-- balance, the entry naming the payment (PAYMENT) or the refund (REFUND):
--   amount > 0   a credit, creating the wallet on the first one;
--   amount <= 0  a debit, only when the balance covers it (no wallet: refused).
-- It answers the entry (id, amount, balance_after, created_at), or no row when
-- a debit was refused, and then nothing was written.
--
-- Concurrent writes queue on the wallet row, and each entry's id is drawn
-- while that row is locked, so per fan the entry ids grow in the order the
-- balance changed (the history page's cursor and the invariant check rely on
-- it).
CREATE OR REPLACE FUNCTION ledger_write(p_user_id uuid, p_type "WalletEntryType", p_amount bigint, p_payment_id uuid, p_refund_id uuid DEFAULT NULL::uuid)
RETURNS TABLE (id bigint, amount bigint, balance_after bigint, created_at timestamptz)
 LANGUAGE plpgsql
 SET plan_cache_mode = force_generic_plan
AS $function$
DECLARE
  v_balance bigint;
BEGIN
  IF p_amount > 0 THEN
    INSERT INTO wallets AS w (user_id, balance) VALUES (p_user_id, p_amount)
    ON CONFLICT (user_id) DO UPDATE SET balance = w.balance + EXCLUDED.balance, updated_at = now()
    RETURNING w.balance INTO v_balance;
  ELSE
    UPDATE wallets AS w SET balance = w.balance + p_amount, updated_at = now()
    WHERE w.user_id = p_user_id AND w.balance + p_amount >= 0
    RETURNING w.balance INTO v_balance;
    IF NOT FOUND THEN
      RETURN;
    END IF;
  END IF;
  RETURN QUERY
    INSERT INTO wallet_entries AS e (user_id, type, amount, balance_after, payment_id, refund_id)
    VALUES (p_user_id, p_type, p_amount, v_balance, p_payment_id, p_refund_id)
    RETURNING e.id, e.amount, e.balance_after, e.created_at;
END;
$function$;
