/**
 * @linli/client: one `LinliStore` interface, over HTTP (`createClient`) or embedded in the
 * browser (`createEmbeddedStore`); and `createAdminClient` for the API's admin routes.
 *
 * @packageDocumentation
 */
export type { CallOptions, CreateOptions, GroupQuery, LinliStore } from "./store.js";
export { LinliClientError, type ClientErrorKind } from "./errors.js";
export {
  createEmbeddedStore,
  type EmbeddedStoreOptions,
  type EmbeddedData,
} from "./embedded/index.js";
export { createClient, type ClientOptions } from "./http/index.js";
export { createAdminClient, type AdminClientOptions, type LinliAdmin } from "./admin/index.js";
