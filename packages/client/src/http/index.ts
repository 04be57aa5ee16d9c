export { createClient, type ClientOptions } from "./client.js";
