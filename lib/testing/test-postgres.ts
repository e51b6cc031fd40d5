export const TEST_POSTGRES_DIR = ".data/test-postgres";
export const TEST_POSTGRES_PORT = 54330;
