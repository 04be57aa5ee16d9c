// Tables keep each entity as its JSON document, with the columns queries filter on. Orders
// and the ledger are the hot paths and have their own columns and indexes.
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE IF NOT EXISTS groups (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
   CREATE TABLE IF NOT EXISTS partners (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
   CREATE TABLE IF NOT EXISTS menus (id TEXT PRIMARY KEY, group_id TEXT NOT NULL, date TEXT NOT NULL, doc TEXT NOT NULL);
   CREATE INDEX IF NOT EXISTS menus_group_date ON menus (group_id, date);
   CREATE TABLE IF NOT EXISTS orders (id TEXT PRIMARY KEY, menu_id TEXT NOT NULL, status TEXT NOT NULL, placed_at TEXT NOT NULL, doc TEXT NOT NULL);
   CREATE INDEX IF NOT EXISTS orders_menu ON orders (menu_id);
   CREATE TABLE IF NOT EXISTS idempotency (scope TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, result_id TEXT NOT NULL, PRIMARY KEY (scope, key));
   CREATE TABLE IF NOT EXISTS applications (id TEXT PRIMARY KEY, status TEXT NOT NULL, submitted_at TEXT NOT NULL, doc TEXT NOT NULL);
   CREATE TABLE IF NOT EXISTS rule_sets (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
   CREATE TABLE IF NOT EXISTS ledger (seq INTEGER PRIMARY KEY AUTOINCREMENT, rule_set_id TEXT NOT NULL, period TEXT NOT NULL, doc TEXT NOT NULL);
   CREATE INDEX IF NOT EXISTS ledger_rule_set_period ON ledger (rule_set_id, period);
   CREATE TABLE IF NOT EXISTS refunds (id TEXT PRIMARY KEY, sale_id TEXT NOT NULL, doc TEXT NOT NULL);
   CREATE INDEX IF NOT EXISTS refunds_sale ON refunds (sale_id);
   CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
   CREATE TABLE IF NOT EXISTS requests (id TEXT PRIMARY KEY, doc TEXT NOT NULL);`,
];
