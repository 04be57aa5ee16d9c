import type { GroupStatus } from "../groups/group.js";
import { GROUP_CATEGORY_LABELS, GROUP_STATUSES, groupLifecycle } from "../groups/group.js";
import type { BilingualText } from "../i18n/locale.js";
import { COHORT_LABELS, COHORTS } from "../partners/partner.js";
import type { Coverage } from "./data.js";
import { COHORT_COUNT, markEnrolled, peopleFacts, rangeNumbers, tallyCohorts } from "./facts.js";
import { countReceived, countResolved, countResolvedByEnd, requestFacts } from "./request-facts.js";
import { attendanceIn, countByCategory, markAttendees, sessionFacts } from "./session-facts.js";
import { countAtLeast, meanOf, medianOf } from "./stats.js";
import { uplifts, type Uplifts } from "./uplifts.js";
import { rangeDays } from "./period.js";
import { figure, outsideData, part, unavailable, type MetricContext } from "./figures.js";
import type { BreakdownItem, MetricDefinition, MetricFigure } from "./schemas.js";

/** A metric: its definition as data and the pure function that computes it. */
export interface MetricImplementation {
  readonly definition: MetricDefinition;
  compute(ctx: MetricContext): MetricFigure;
}

const t = (zh: string, en: string): BilingualText => ({ "zh-CN": zh, en });

const PARTICIPANT_ASSUMPTION = t(
  "参与人指以主理人、合伙人、帮帮团成员或志愿者身份参与的人；工作人员和导师不计入。",
  "Participants are people taking part as organisers, co-founders, helpers or volunteers; staff and mentors are not counted.",
);

function upliftUnavailable(u: Uplifts, ctx: MetricContext): MetricFigure | undefined {
  if (u.months === 0) return unavailable("MONTH_NOT_OVER", { asOf: ctx.data.asOf });
  if (u.active === 0) return unavailable("NO_PARTICIPANTS");
  if (u.noBaseline === u.active) return unavailable("NO_BASELINE");
  if (u.stayed.length + u.left.length === 0) return unavailable("NO_INCOME_DATA");
  return undefined;
}

function upliftNotes(u: Uplifts, ctx: MetricContext): BilingualText[] {
  const notes: BilingualText[] = [];
  const other = ctx.income.entriesOtherCurrency;
  if (other > 0)
    notes.push(
      t(
        `${other} 条非 ${ctx.data.currency} 账目未计入。`,
        `${other} ledger entries not in ${ctx.data.currency} are not counted.`,
      ),
    );
  if (u.noBaseline > 0)
    notes.push(
      t(
        `${u.noBaseline} 名参与人没有收入基线，未计入。`,
        `${u.noBaseline} participant(s) without an income baseline are not counted.`,
      ),
    );
  if (u.noSource > 0)
    notes.push(
      t(
        `${u.noSource} 名参与人的收入不经平台结算，未计入。`,
        `${u.noSource} participant(s) whose income is not settled through the platform are not counted.`,
      ),
    );
  return notes;
}

const UPLIFT_CALC = t(
  "对每名参与人：本期每个在册月份经平台结算的净收入（分成所得减手续费和退款）的月平均值，减去其登记的月收入基线；再对参与人取平均值或中位数，按四舍六入五成双取整到分。",
  "For each participant: the monthly average of net income settled through the platform (split shares less fees and refunds) over the months they were enrolled in the period, less their recorded monthly baseline; then the mean or median across participants, rounded half-to-even to the minor unit.",
);
const UPLIFT_ASSUMPTIONS = [
  PARTICIPANT_ASSUMPTION,
  t(
    "只计算通过平台分成结算的收入；平台外的收入不可见。",
    "Only income settled through platform splits is seen; income outside the platform is not.",
  ),
  t(
    "基线是参与人加入前自报的月收入。",
    "The baseline is the monthly income the participant reported before joining.",
  ),
  t(
    "平台开始记录之前的月份不计入（那时的收入未知，而不是零）。",
    "Months before the platform started recording are left out: their income is unknown, not zero.",
  ),
  t(
    "尚未结束的月份不计入（不足一个月的收入不能与月收入基线相比）。",
    "A month not yet over is left out: part of a month's income is no measure against a monthly baseline.",
  ),
];

function upliftMetric(kind: "mean" | "median"): MetricImplementation {
  const stat = kind === "mean" ? meanOf : medianOf;
  return {
    definition: {
      id: `income-uplift.${kind}`,
      version: "1.2.0",
      name:
        kind === "mean"
          ? t("参与人月均增收（平均值）", "Monthly income uplift per participant (mean)")
          : t("参与人月均增收（中位数）", "Monthly income uplift per participant (median)"),
      description: t(
        "参与人每月经平台结算的净收入比加入前的基线多出多少。",
        "How much more a participant earns each month through the platform than their baseline before joining.",
      ),
      unit: "money",
      calculation: UPLIFT_CALC,
      assumptions: UPLIFT_ASSUMPTIONS,
      footnotes: [
        t(
          "已离开项目的参与人按其在册月份计算，并单独列出。",
          "Participants who left are counted over the months they were enrolled, and shown separately.",
        ),
      ],
    },
    compute(ctx) {
      const outside = outsideData(ctx);
      if (outside) return outside;
      const u = uplifts(ctx);
      const na = upliftUnavailable(u, ctx);
      if (na) return na;
      const stayed = stat(u.stayed);
      const left = stat(u.left);
      const counted = u.stayed.length + u.left.length;
      return figure(
        stat(u.stayed, u.left)!,
        [
          part(
            "stayed",
            t("仍在项目中", "Still in the programme"),
            "money",
            stayed,
            "NO_PARTICIPANTS",
          ),
          part("left", t("已离开", "Left the programme"), "money", left, "NO_PARTICIPANTS"),
          part("counted", t("计入人数", "Participants counted"), "people", counted),
        ],
        { partners: ctx.data.partners.length, "ledger entries": ctx.income.entriesRead },
        upliftNotes(u, ctx),
      );
    },
  };
}

/** Participants whose uplift reached a threshold (minor units a month; default ¥2,000). */
export function upliftAboveMetric(threshold = 200_000): MetricImplementation {
  return {
    definition: {
      id: "income-uplift.above-threshold",
      version: "1.2.0",
      name: t("月增收达标的参与人", "Participants whose income rose above the threshold"),
      description: t(
        `月均增收不少于 ${threshold / 100} 元（按最小货币单位 ${threshold}）的参与人数。`,
        `Participants whose monthly income uplift is at least ${threshold} minor units (${threshold / 100} in a two-decimal currency).`,
      ),
      unit: "people",
      calculation: t(
        "与“参与人月均增收”相同地计算每人的增收，再数出达到门槛的人数。",
        "Each participant's uplift as in “Monthly income uplift per participant”, then a count of those at or above the threshold.",
      ),
      assumptions: UPLIFT_ASSUMPTIONS,
      footnotes: [],
    },
    compute(ctx) {
      const outside = outsideData(ctx);
      if (outside) return outside;
      const u = uplifts(ctx);
      const na = upliftUnavailable(u, ctx);
      if (na) return na;
      const counted = u.stayed.length + u.left.length;
      const above = countAtLeast(u.stayed, threshold) + countAtLeast(u.left, threshold);
      return figure(
        above,
        [
          part(
            "share",
            t("占计入人数的比例", "Share of participants counted"),
            "ratio",
            above / counted,
          ),
          part("counted", t("计入人数", "Participants counted"), "people", counted),
          part(
            "threshold",
            t("门槛（最小货币单位）", "Threshold (minor units)"),
            "money",
            threshold,
          ),
        ],
        { partners: ctx.data.partners.length, "ledger entries": ctx.income.entriesRead },
        upliftNotes(u, ctx),
      );
    },
  };
}

const uniqueParticipants: MetricImplementation = {
  definition: {
    id: "participants.unique",
    version: "1.0.0",
    name: t("参与人数（去重）", "Unique participants"),
    description: t(
      "本期参与社群或活动的人数，同一人参加多个社群或活动只算一次。",
      "People who took part in groups or sessions in the period, each counted once however many they joined.",
    ),
    unit: "people",
    calculation: t(
      "本期在册的参与人与本期活动签到名单的并集，按人员编号去重；分身份统计时，一人有多个身份则计入每个身份。",
      "The union of participants enrolled in the period and registered attendees of sessions held in it, deduplicated by person id; by cohort, a person with several cohorts counts in each.",
    ),
    assumptions: [
      PARTICIPANT_ASSUMPTION,
      t(
        "未登记编号的签到者只计入出勤人次，不计入本指标。",
        "Attendees without a registered id count towards attendance only, not here.",
      ),
    ],
    footnotes: [],
  },
  compute(ctx) {
    const outside = outsideData(ctx);
    if (outside) return outside;
    const people = peopleFacts(ctx);
    const sessions = sessionFacts(ctx);
    const [a, b] = rangeNumbers(ctx);
    const seen = new Uint8Array(people.n);
    const unknown = new Set<string>();
    markEnrolled(people, a, b, seen);
    const held = markAttendees(sessions, a, b, seen, unknown);
    const counts = new Int32Array(COHORT_COUNT + 2);
    tallyCohorts(people, seen, counts);
    // Attendees without a partner record count once each, with no cohort.
    const total = unknown.size + counts[COHORT_COUNT + 1]!;
    const noCohort = unknown.size + counts[COHORT_COUNT]!;
    const breakdown: BreakdownItem[] = COHORTS.map((c, k) =>
      part(c, COHORT_LABELS[c], "people", counts[k]!),
    );
    breakdown.push(part("no-cohort", t("未登记身份", "No cohort recorded"), "people", noCohort));
    return figure(total, breakdown, { partners: ctx.data.partners.length, sessions: held });
  },
};

/** A group's status on a day: the last history entry by then, else its current status. */
function statusOn(
  g: MetricContext["data"]["groups"][number],
  day: string,
): GroupStatus | undefined {
  if (g.foundedOn !== undefined && g.foundedOn > day) return undefined;
  if (!g.statusHistory || g.statusHistory.length === 0) return g.status;
  let status: GroupStatus | undefined;
  for (const h of g.statusHistory) if (h.since <= day) status = h.status;
  return status;
}

const groupsByStatus: MetricImplementation = {
  definition: {
    id: "groups.by-status",
    version: "1.0.0",
    name: t("社群数（按状态）", "Groups by status"),
    description: t(
      "期末存在的社群数，按筹备、孵化、活跃、自主运营、归档分列。",
      "Groups that exist at the end of the period, by status.",
    ),
    unit: "groups",
    calculation: t(
      "期末当天每个社群的状态：取状态记录中当天及以前的最后一条；没有记录的取当前状态。",
      "Each group's status on the last day of the period: the last status-history entry by that day, or its current status when it has no history.",
    ),
    assumptions: [
      t("成立日期晚于期末的社群不计入。", "Groups founded after the period are not counted."),
    ],
    footnotes: [],
  },
  compute(ctx) {
    const outside = outsideData(ctx);
    if (outside) return outside;
    const { last } = rangeDays(ctx.range);
    const counts = new Map<GroupStatus, number>(GROUP_STATUSES.map((s) => [s, 0]));
    let total = 0;
    for (const g of ctx.data.groups) {
      const s = statusOn(g, last);
      if (s === undefined) continue;
      counts.set(s, counts.get(s)! + 1);
      total++;
    }
    return figure(
      total,
      GROUP_STATUSES.map((s) => part(s, groupLifecycle.labels[s], "groups", counts.get(s)!)),
      { groups: ctx.data.groups.length },
    );
  },
};

const selfOperatingShare: MetricImplementation = {
  definition: {
    id: "groups.self-operating-share",
    version: "1.0.0",
    name: t("自主运营社群占比", "Share of groups that run themselves"),
    description: t(
      "期末未归档的社群中，已实现自主运营的比例。",
      "Of the groups not archived at the end of the period, the share that are self-operating.",
    ),
    unit: "ratio",
    calculation: t(
      "自主运营社群数 ÷ 未归档社群数（含筹备中）。",
      "Self-operating groups ÷ groups not archived (proposed ones included).",
    ),
    assumptions: [t("状态按期末当天计。", "Statuses are taken on the last day of the period.")],
    footnotes: [],
  },
  compute(ctx) {
    const outside = outsideData(ctx);
    if (outside) return outside;
    const { last } = rangeDays(ctx.range);
    let live = 0;
    let self = 0;
    for (const g of ctx.data.groups) {
      const s = statusOn(g, last);
      if (s === undefined || s === "archived") continue;
      live++;
      if (s === "self-operating") self++;
    }
    if (live === 0)
      return unavailable("ZERO_DENOMINATOR", {
        denominator: t("未归档社群数", "groups not archived"),
      });
    return figure(
      self / live,
      [
        part("self-operating", groupLifecycle.labels["self-operating"], "groups", self),
        part("not-archived", t("未归档社群", "Groups not archived"), "groups", live),
      ],
      { groups: ctx.data.groups.length },
    );
  },
};

const sessionsHeld: MetricImplementation = {
  definition: {
    id: "sessions.held",
    version: "1.0.0",
    name: t("开展活动场次", "Sessions held"),
    description: t(
      "本期各社群实际开展的活动场次，按社群类别分列。",
      "Sessions that took place in the period, by group category.",
    ),
    unit: "sessions",
    calculation: t(
      "本期日期内的活动记录条数。",
      "The number of session records dated in the period.",
    ),
    assumptions: [
      t(
        "只计算已记录的活动；计划但未记录的不计入。",
        "Only recorded sessions count; scheduled but unrecorded ones do not.",
      ),
    ],
    footnotes: [],
  },
  compute(ctx) {
    const outside = outsideData(ctx);
    if (outside) return outside;
    const f = sessionFacts(ctx);
    const [a, b] = rangeNumbers(ctx);
    // Counts by category number, remembering the order categories were first seen in.
    // Counts by category number, remembering the order categories were first seen in.
    const counts = new Int32Array(f.categories.length);
    const seen: number[] = [];
    const total = countByCategory(f, a, b, counts, seen);
    const breakdown = seen
      .map((c): [string, number] => [f.categories[c]!, counts[c]!])
      .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
      .map(([c, n]) =>
        part(
          c,
          (GROUP_CATEGORY_LABELS as Record<string, BilingualText>)[c] ??
            t("未知社群", "Unknown group"),
          "sessions",
          n,
        ),
      );
    return figure(total, breakdown, { sessions: ctx.data.sessions.length });
  },
};

const attendance: MetricImplementation = {
  definition: {
    id: "sessions.attendance",
    version: "1.0.0",
    name: t("活动参与人次", "Attendance"),
    description: t(
      "本期活动的签到人次合计。",
      "Everyone who came to a session in the period, counted per session.",
    ),
    unit: "visits",
    calculation: t(
      "本期活动记录的到场人数之和；同一人参加多场计多次。",
      "The sum of attendees over session records in the period; a person who came twice counts twice.",
    ),
    assumptions: [],
    footnotes: [],
  },
  compute(ctx) {
    const outside = outsideData(ctx);
    if (outside) return outside;
    const f = sessionFacts(ctx);
    const [a, b] = rangeNumbers(ctx);
    const out = new Float64Array(2);
    attendanceIn(f, a, b, out);
    const visits = out[0]!;
    const sessions = out[1]!;
    return figure(
      visits,
      [
        part(
          "per-session",
          t("场均人次", "Average per session"),
          "visits",
          sessions === 0 ? null : visits / sessions,
          "ZERO_DENOMINATOR",
        ),
      ],
      { sessions },
    );
  },
};

const requestsReceived: MetricImplementation = {
  definition: {
    id: "requests.received",
    version: "1.0.0",
    name: t("受理诉求数", "Requests received"),
    description: t(
      "本期收到的居民、企业和社群诉求。",
      "Requests from residents, firms and groups received in the period.",
    ),
    unit: "requests",
    calculation: t(
      "受理日期在本期内的诉求条数。",
      "Requests whose date received falls in the period.",
    ),
    assumptions: [],
    footnotes: [],
  },
  compute(ctx) {
    const outside = outsideData(ctx);
    if (outside) return outside;
    const f = requestFacts(ctx);
    const [a, b] = rangeNumbers(ctx);
    const counts = new Int32Array(4);
    countReceived(f, a, b, counts);
    const total = counts[0]!;
    return figure(
      total,
      [
        part("resident", t("居民", "Residents"), "requests", counts[1]!),
        part("firm", t("企业", "Firms"), "requests", counts[2]!),
        part("group", t("社群", "Groups"), "requests", counts[3]!),
      ],
      { requests: ctx.data.requests.length },
    );
  },
};

const requestsResolved: MetricImplementation = {
  definition: {
    id: "requests.resolved",
    version: "1.0.0",
    name: t("办结诉求数", "Requests resolved"),
    description: t(
      "本期办结（已解决）的诉求，不论何时受理。",
      "Requests resolved in the period, whenever they were received.",
    ),
    unit: "requests",
    calculation: t(
      "办结日期在本期内、结果为“已解决”的诉求条数；转办、不予受理和撤回的不计入。",
      "Requests with a resolution date in the period and the outcome “resolved”; referred, declined and withdrawn ones are not counted.",
    ),
    assumptions: [],
    footnotes: [],
  },
  compute(ctx) {
    const outside = outsideData(ctx);
    if (outside) return outside;
    const f = requestFacts(ctx);
    const [a, b] = rangeNumbers(ctx);
    const counts = new Int32Array(2);
    countResolved(f, a, b, counts);
    const total = counts[0]!;
    const technical = counts[1]!;
    return figure(
      total,
      [part("technical", t("其中技术攻关", "Of which technical problems"), "requests", technical)],
      {
        requests: ctx.data.requests.length,
      },
    );
  },
};

const resolutionRate: MetricImplementation = {
  definition: {
    id: "requests.resolution-rate",
    version: "1.0.0",
    name: t("诉求办结率", "Request resolution rate"),
    description: t(
      "本期受理的诉求中，到期末已解决的比例。",
      "Of the requests received in the period, the share resolved by its end.",
    ),
    unit: "ratio",
    calculation: t(
      "本期受理且期末前已解决的诉求数 ÷ 本期受理的诉求数。",
      "Requests received in the period and resolved by its end ÷ requests received in the period.",
    ),
    assumptions: [],
    footnotes: [
      t(
        "期末仍在办理的诉求计入分母。",
        "Requests still open at the end of the period are in the denominator.",
      ),
    ],
  },
  compute(ctx) {
    const outside = outsideData(ctx);
    if (outside) return outside;
    const f = requestFacts(ctx);
    const [a, b] = rangeNumbers(ctx);
    const counts = new Int32Array(2);
    countResolvedByEnd(f, a, b, counts);
    const received = counts[0]!;
    const resolved = counts[1]!;
    if (received === 0) {
      return unavailable("ZERO_DENOMINATOR", {
        denominator: t("本期受理诉求数", "requests received in the period"),
      });
    }
    return figure(
      resolved / received,
      [
        part("resolved", t("已解决", "Resolved"), "requests", resolved),
        part("received", t("受理", "Received"), "requests", received),
      ],
      { requests: ctx.data.requests.length },
    );
  },
};

/** A metric for one coverage ratio the data records. */
export function coverageMetric(c: Coverage): MetricImplementation {
  return {
    definition: {
      id: `coverage.${c.id}`,
      version: "1.0.0",
      name: c.name,
      description: c.description,
      unit: "ratio",
      calculation: t(
        "期末当天或之前最近一次统计的分子 ÷ 分母。",
        "Numerator ÷ denominator of the latest count on or before the last day of the period.",
      ),
      assumptions: [
        t(
          "分母来自外部统计，来源和日期随数值给出。",
          "The denominator comes from an outside count; its source and date are given with the figure.",
        ),
      ],
      footnotes: [],
    },
    compute(ctx) {
      const { last } = rangeDays(ctx.range);
      let latest: Coverage["observations"][number] | undefined;
      for (const o of c.observations)
        if (o.asOf <= last && (!latest || o.asOf >= latest.asOf)) latest = o;
      if (!latest) return unavailable("NO_OBSERVATION");
      if (latest.denominator === 0)
        return unavailable("ZERO_DENOMINATOR", { denominator: latest.denominatorSource["zh-CN"] });
      return figure(
        latest.numerator / latest.denominator,
        [
          part("numerator", t("已覆盖", "Covered"), "count", latest.numerator),
          part("denominator", t("总数", "Total"), "count", latest.denominator),
        ],
        { observations: c.observations.length },
        [],
        [{ label: latest.denominatorSource, asOf: latest.asOf }],
      );
    },
  };
}

/** The metrics Linli ships, in the order an impact board shows them. */
export function builtInMetrics(
  options: { readonly upliftThreshold?: number } = {},
): MetricImplementation[] {
  return [
    upliftMetric("mean"),
    upliftMetric("median"),
    upliftAboveMetric(options.upliftThreshold),
    uniqueParticipants,
    groupsByStatus,
    selfOperatingShare,
    sessionsHeld,
    attendance,
    requestsReceived,
    requestsResolved,
    resolutionRate,
  ];
}
