-- The ledger is append-only: the wallet_entries_append_only trigger refuses
-- every UPDATE. Deleting a user (cascade) is the one way out.
CREATE OR REPLACE FUNCTION wallet_entries_refuse_change()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  RAISE EXCEPTION 'wallet_entries is append-only';
END;
$function$;
