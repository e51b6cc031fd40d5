import { db } from "@/lib/db";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { parseOrThrow } from "@/lib/http/request";
import { json } from "@/lib/http/responses";
import { sessionRoute } from "@/lib/http/route";
import { listWalletEntries } from "@/lib/wallet/list-wallet-entries";
import { walletEntriesQuery } from "@/lib/wallet/schemas";

/** GET /api/wallet/entries?cursor= → the ledger, newest first, with nextCursor for the next page. */
export const GET = sessionRoute(async ({ request, session }) => {
  const query = parseOrThrow(walletEntriesQuery, Object.fromEntries(new URL(request.url).searchParams));
  return json(await listWalletEntries(db(), { userId: session.user.id, cursor: query.cursor, limit: query.limit }));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
