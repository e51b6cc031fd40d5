-- The audit log is append-only: the audit_entries_append_only trigger refuses
-- every UPDATE.
CREATE OR REPLACE FUNCTION audit_entries_refuse_change()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  RAISE EXCEPTION 'audit_entries is append-only';
END;
$function$;
