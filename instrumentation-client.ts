// Runs in the browser before the app becomes interactive.
import { z } from "zod";

// zod compiles object parsers with `new Function` when it may, and probes for
// that once; under the pages' CSP (no 'unsafe-eval', docs/decisions/085) the
// probe is blocked and reported as a violation even though zod falls back.
// Parsing without the compiled fast path costs nothing a fan would notice.
z.config({ jitless: true });
