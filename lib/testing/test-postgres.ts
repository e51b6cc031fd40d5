export const TEST_POSTGRES_DIR = ".data/test-postgres";
/** The embedded test server's port; TEST_POSTGRES_PORT lets two checkouts on one machine test at once. */
export const TEST_POSTGRES_PORT = Number(process.env.TEST_POSTGRES_PORT ?? 54330);
