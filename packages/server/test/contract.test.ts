import { storeContract } from "../../client/test/contract-suite.js";
import { createSqliteStorage } from "../src/index.js";
import { serverStore } from "./helpers.js";

// The same contract suite the embedded store passes, through the HTTP client, against this
// server over real HTTP on 127.0.0.1 with SQLite. The suite's clock is the server's clock.
storeContract("server over HTTP (SQLite)", ({ now }) =>
  serverStore(createSqliteStorage({ filename: ":memory:" }), now),
);
