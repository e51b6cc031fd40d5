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
