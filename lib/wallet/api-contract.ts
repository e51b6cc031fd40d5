import type { ApiOperation } from "@/lib/openapi/operation";

export const walletOperations: ApiOperation[] = [];
