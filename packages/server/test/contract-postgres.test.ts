import { describe } from "vitest";
import { storeContract } from "../../client/test/contract-suite.js";
import { serverStore } from "./helpers.js";
import { DATABASE_URL, freshPostgres } from "./postgres.js";

describe.runIf(DATABASE_URL)("PostgreSQL", () => {
  storeContract("server over HTTP (PostgreSQL)", async ({ now }) =>
    serverStore(await freshPostgres(), now),
  );
});
