// Any /api path that no route file serves: the JSON error body, not the HTML 404 page.
import { unknownApiPath } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

const answer = async () => unknownApiPath();

export { answer as GET, answer as HEAD, answer as POST, answer as PUT, answer as PATCH, answer as DELETE, answer as OPTIONS };
