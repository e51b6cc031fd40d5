import { listConcerts } from "@/lib/catalog/list-concerts";
import { db } from "@/lib/db";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { publicRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = publicRoute(async () => json({ concerts: await listConcerts(db()) }));

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
