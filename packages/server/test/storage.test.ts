import { createSqliteStorage } from "../src/index.js";
import { storageContract } from "./storage-suite.js";

storageContract("SQLite", async () => createSqliteStorage({ filename: ":memory:" }));
