import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { sessionRoute } from "@/lib/http/route";

export const GET = sessionRoute(async ({ session }) => json({ user: session.user }));

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
