import {
  createEmbeddedStore,
  defaultEmbeddedData,
  type EmbeddedData,
} from "@linli/client/embedded";
import type { LinliStore } from "@linli/client";

/**
 * The red house's demo data (its 62 groups, the bakery's menus for today and tomorrow, the
 * partner call, the programme's metrics) without photos: the fixtures name image files this
 * example does not ship, and the cards and the menu draw their own placeholders instead.
 */
export function exampleData(now: number): EmbeddedData {
  const data = defaultEmbeddedData(now);
  return {
    ...data,
    groups: data.groups.map(({ cover: _cover, ...group }) => group),
    menus: data.menus.map((menu) => ({
      ...menu,
      items: menu.items.map(({ photo: _photo, ...item }) => item),
    })),
  };
}

/**
 * An embedded store: the server's rules (stock, pickup slots, cut-off) run in the browser, and
 * orders and applications live in memory until the page closes. A real site passes
 * `createClient({ baseUrl })` from @linli/client instead; the widgets take either.
 */
export function exampleStore(): LinliStore {
  return createEmbeddedStore({ data: exampleData(Date.now()) });
}
