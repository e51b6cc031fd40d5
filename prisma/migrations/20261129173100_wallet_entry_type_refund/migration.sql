-- Wallet entries gain the type REFUND (money back from a refunded or cancelled
-- ticket). On its own: a value added to an enum cannot be used in the
-- transaction that adds it, and migrations run one transaction each; the next
-- migration (refunds) uses it.
ALTER TYPE "WalletEntryType" ADD VALUE 'REFUND';
