import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { publicRoute } from "@/lib/http/route";
import { buildOpenApiDocument } from "@/lib/openapi/document";

export const GET = publicRoute(async () => json(buildOpenApiDocument()));

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
