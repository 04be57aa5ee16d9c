/**
 * @linli/client: one `LinliStore` interface, over HTTP (`createClient`) or embedded in the
 * browser (`createEmbeddedStore`).
 *
 * @packageDocumentation
 */
export type { CallOptions, CreateOptions, GroupQuery, LinliStore } from "./store.js";
export { LinliClientError, type ClientErrorKind } from "./errors.js";
