/**
 * @linli/server: the reference backend. `createApp` serves the core contract on Hono over
 * any `LinliStorage`; `createSqliteStorage` is the embedded default.
 *
 * @packageDocumentation
 */
export { createApp, hashAdminKey, type AppOptions } from "./app.js";
export { createSqliteStorage, type SqliteOptions } from "./storage/sqlite/sqlite.js";
export type { LinliStorage, SeedData, CreateResult, Idempotent } from "./storage/storage.js";
export { OversellError, StaleMenuError, StatusChangedError } from "./storage/storage.js";
export { demoSeed, seedDemo } from "./seed.js";
export { startServer, type StartOptions, type RunningServer } from "./serve.js";
export { createPostgresStorage, type PostgresOptions } from "./storage/postgres/postgres.js";
