import type { ApiOperation } from "@/lib/openapi/operation";

export const queueOperations: ApiOperation[] = [];
