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
  // 2: counters of what each menu's orders hold, so an order is checked without re-reading
  // the orders before it, and pickup codes indexed per menu.
  `ALTER TABLE orders ADD COLUMN pickup_code TEXT;
   UPDATE orders SET pickup_code = json_extract(doc, '$.pickupCode');
   CREATE UNIQUE INDEX IF NOT EXISTS orders_menu_code ON orders (menu_id, pickup_code);
   CREATE TABLE IF NOT EXISTS reservations (menu_id TEXT NOT NULL, kind TEXT NOT NULL, ref TEXT NOT NULL, reserved INTEGER NOT NULL, PRIMARY KEY (menu_id, kind, ref));
   INSERT INTO reservations (menu_id, kind, ref, reserved)
     SELECT menu_id, 'slot', json_extract(doc, '$.slotId'), COUNT(*) FROM orders WHERE status <> 'cancelled' GROUP BY 1, 3;
   INSERT INTO reservations (menu_id, kind, ref, reserved)
     SELECT o.menu_id, 'item', json_extract(l.value, '$.itemId'), SUM(json_extract(l.value, '$.quantity'))
     FROM orders o, json_each(o.doc, '$.lines') l WHERE o.status <> 'cancelled' GROUP BY 1, 3;`,
  // 3: fewer pages to write per order. Pickup codes are random, so their unique index took a
  // different page for every order (about two thirds of an insert's cost on a menu with many
  // orders); codes are now checked against the menu's codes held in memory, inside the write
  // (see sqlite.ts). Idempotency keys live in their primary key alone (WITHOUT ROWID), not in
  // a table plus an index.
  `DROP INDEX IF EXISTS orders_menu_code;
   CREATE INDEX IF NOT EXISTS orders_menu ON orders (menu_id);
   CREATE TABLE idempotency_by_key (scope TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, result_id TEXT NOT NULL, PRIMARY KEY (scope, key)) WITHOUT ROWID;
   INSERT INTO idempotency_by_key SELECT scope, key, request_hash, result_id FROM idempotency;
   DROP TABLE idempotency;
   ALTER TABLE idempotency_by_key RENAME TO idempotency;`,
];
