import {
  GROUP_CATEGORY_LABELS,
  GROUP_STATUS_LABELS,
  type GroupCategory,
  type GroupStatus,
} from "@linli/core/groups";
import type { Catalogue } from "../internal/localize.js";

type Prefixed<P extends string, K extends string> = `${P}.${K}`;

const prefixed = <P extends string, K extends string>(
  prefix: P,
  labels: Catalogue<K>,
): Catalogue<Prefixed<P, K>> =>
  Object.fromEntries(Object.entries(labels).map(([k, v]) => [`${prefix}.${k}`, v])) as Catalogue<
    Prefixed<P, K>
  >;

/**
 * Every string `<linli-group-card>` shows, in zh-CN and en. Override any of them through the
 * element's `strings` property or `setStrings()`. Category and status names come from
 * @linli/core (`category.baking`, `status.self-operating`, …).
 */
export const groupCardMessages = {
  unnamed: { "zh-CN": "未命名社群", en: "Unnamed group" },
  organisers: { "zh-CN": "主理人", en: "Organisers" },
  members: { "zh-CN": "成员", en: "Members" },
  memberCount: { "zh-CN": "{count} 人", en: "{count}" },
  nextSession: { "zh-CN": "下次活动", en: "Next session" },
  join: { "zh-CN": "申请加入", en: "Join" },
  /** Read after the join button's visible text, so each button names its group. */
  "join.context": { "zh-CN": "“{name}”", en: "{name}" },
  closed: { "zh-CN": "暂不接受报名", en: "Not taking new members" },
  archived: { "zh-CN": "已停止活动", en: "No longer meeting" },
  listSeparator: { "zh-CN": "、", en: ", " },
  ...prefixed("category", GROUP_CATEGORY_LABELS as Catalogue<GroupCategory>),
  ...prefixed("status", GROUP_STATUS_LABELS as Catalogue<GroupStatus>),
} satisfies Catalogue<string>;

export type GroupCardStringKey = keyof typeof groupCardMessages;
