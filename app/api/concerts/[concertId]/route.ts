import { getConcert } from "@/lib/catalog/get-concert";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { parseId } from "@/lib/http/request";
import { json } from "@/lib/http/responses";
import { publicRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = publicRoute<{ concertId: string }>(async ({ params }) => {
  const concert = await getConcert(db(), { concertId: parseId(params.concertId, "concert") });
  if (!concert) throw new AppError("NOT_FOUND", "No such concert.");
  return json({ concert });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
