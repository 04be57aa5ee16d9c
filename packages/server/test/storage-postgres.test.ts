import { describe } from "vitest";
import { DATABASE_URL, freshPostgres } from "./postgres.js";
import { storageContract } from "./storage-suite.js";

describe.runIf(DATABASE_URL)("PostgreSQL", () => {
  storageContract("PostgreSQL", freshPostgres);
});
