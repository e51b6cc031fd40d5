import type { ApiOperation } from "@/lib/openapi/operation";

export const catalogOperations: ApiOperation[] = [];
