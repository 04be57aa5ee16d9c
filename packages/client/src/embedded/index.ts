/**
 * The embedded store: a `LinliStore` that runs in the browser (or Node) with no server,
 * enforcing the server's rules with core's own functions.
 *
 * @packageDocumentation
 */
export { createEmbeddedStore, DEFAULT_STORAGE_KEY, type EmbeddedStoreOptions } from "./store.js";
export type { EmbeddedData } from "./data.js";
export { defaultEmbeddedData } from "./default-data.js";
export type { StorageLike } from "./persist.js";
