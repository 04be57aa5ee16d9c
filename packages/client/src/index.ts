/**
 * @linli/client: one `LinliStore` interface, over HTTP (`createClient`) or embedded in the
 * browser (`createEmbeddedStore`).
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
