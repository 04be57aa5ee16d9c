import { describe, expect, it } from "vitest";
import {
  ApplicationInputSchema,
  ApplicationSchema,
  ChannelSchema,
  ConsentSchema,
  GroupSchema,
  HubSchema,
  IdSchema,
  ImageSchema,
  LinliIssueSchema,
  LocalizedTextSchema,
  MenuAvailabilitySchema,
  MenuSchema,
  OrderDraftSchema,
  OrderSchema,
  PartnerSchema,
  RecruitmentCallSchema,
  SessionScheduleSchema,
  SlugSchema,
  callWindow,
  checkApplication,
  errorBody,
  httpCodeForIssues,
  fieldMessages,
  menuAvailability,
  validate,
} from "../src/index.js";
import {
  bakeryMenu,
  groups,
  hubs,
  nightMarketGroups,
  partners,
  recruitmentCall,
  recruitmentCallOpenAt,
  redHouse,
  sampleApplication,
} from "../src/fixtures/index.js";

type Mutation = readonly [
  what: string,
  mutate: (x: any) => void,
  path: string,
  code: string,
  zh: string,
  en: string,
];

const clone = <T>(x: T): T => structuredClone(x);

/** Applies each mutation to a fresh copy of a valid value and checks the first issue at its path. */
function refuses(
  schema: Parameters<typeof validate>[0],
  valid: unknown,
  mutations: readonly Mutation[],
) {
  it("accepts a valid value", () => {
    const r = validate(schema, valid);
    expect(r.ok ? "ok" : JSON.stringify(r.error)).toBe("ok");
  });
  it.each(mutations)("refuses %s", (_what, mutate, path, code, zh, en) => {
    const input = clone(valid);
    mutate(input);
    const r = validate(schema, input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const found = r.error.find((i) => i.path === path);
    expect(found, `issues: ${JSON.stringify(r.error.map((i) => [i.path, i.code]))}`).toBeDefined();
    expect(found!.code).toBe(code);
    expect(fieldMessages(r.error, "zh-CN")[path]).toBe(zh);
    expect(fieldMessages(r.error, "en")[path]).toBe(en);
  });
}

const draft = {
  menuId: "three-moms-2026-12-01",
  lines: [{ itemId: "tiger-roll", quantity: 2 }],
  slotId: "s1500",
  contact: { name: "林晓雨", phone: "138 0000 9901" },
  note: "请少放糖",
  consent: { given: true, policyVersion: "2026-11", at: "2026-11-30T20:00:00+08:00" },
  idempotencyKey: "0f5c2a4e-9b7d-4c1a-8e3f-2d6b7a9c1e00",
};

describe("ids and slugs", () => {
  it("refuses ids with spaces or slashes, slugs with capitals", () => {
    const id = validate(IdSchema, "a/b");
    expect(!id.ok && id.error[0]!.code).toBe("INVALID_ID");
    expect(validate(IdSchema, "").ok).toBe(false);
    expect(validate(IdSchema, "x".repeat(65)).ok).toBe(false);
    const slug = validate(SlugSchema, "Three-Moms");
    expect(!slug.ok && slug.error[0]!.code).toBe("INVALID_SLUG");
    expect(validate(SlugSchema, "three--moms").ok).toBe(false);
    expect(validate(SlugSchema, "three-moms-2").ok).toBe(true);
  });
});

describe("LocalizedText and Image", () => {
  refuses(LocalizedTextSchema, { "zh-CN": "红房子", en: "The Red House" }, [
    [
      "missing Chinese",
      (x) => delete x["zh-CN"],
      "zh-CN",
      "REQUIRED",
      "请填写中文内容",
      "Enter the Chinese text",
    ],
    [
      "blank Chinese",
      (x) => (x["zh-CN"] = "   "),
      "zh-CN",
      "REQUIRED",
      "请填写中文内容",
      "Enter the Chinese text",
    ],
    [
      "empty English",
      (x) => (x.en = ""),
      "en",
      "REQUIRED",
      "请填写英文内容",
      "Enter the English text",
    ],
  ]);
  refuses(ImageSchema, { url: "/a.webp", alt: { "zh-CN": "照片" } }, [
    [
      "missing alt text",
      (x) => delete x.alt,
      "alt",
      "REQUIRED",
      "请填写图片说明",
      "Enter the image description",
    ],
    ["empty url", (x) => (x.url = ""), "url", "REQUIRED", "请填写网址", "Enter the web address"],
  ]);
});

describe("Consent", () => {
  refuses(
    ConsentSchema,
    { given: true, policyVersion: "2026-11", at: "2026-11-28T10:00:00+08:00" },
    [
      [
        "consent not given",
        (x) => (x.given = false),
        "given",
        "CONSENT_REQUIRED",
        "请阅读并同意隐私说明后再提交",
        "Read and agree to the privacy notice before you submit",
      ],
      [
        "a time without zone",
        (x) => (x.at = "2026-11-28 10:00"),
        "at",
        "INVALID_DATETIME",
        "同意时间必须是带时区的日期时间",
        "The time of consent must be a date and time with a time zone",
      ],
    ],
  );
});

describe("Hub", () => {
  refuses(HubSchema, redHouse, [
    [
      "an unknown time zone",
      (x) => (x.timeZone = "Asia/Hangzhou"),
      "timeZone",
      "INVALID_TIME_ZONE",
      "时区不是有效的时区",
      "The time zone is not a known time zone",
    ],
    [
      "equipment in a room that does not exist",
      (x) => (x.equipment[0].roomId = "attic"),
      "equipment.0.roomId",
      "UNKNOWN_REFERENCE",
      "找不到编号为 attic 的房间",
      "There is no room with the id attic",
    ],
    [
      "a bad support kind",
      (x) => (x.supportOffers[0].kind = "money"),
      "supportOffers.0.kind",
      "INVALID_OPTION",
      "此项不是可选的选项",
      "This field is not one of the options",
    ],
    [
      "a zero room capacity",
      (x) => (x.rooms[0].capacity = 0),
      "rooms.0.capacity",
      "TOO_SMALL_EXCLUSIVE",
      "容量必须大于 0",
      "The capacity must be more than 0",
    ],
  ]);
  it("accepts every fixture hub", () => {
    for (const h of hubs) expect(validate(HubSchema, h).ok).toBe(true);
  });
});

describe("Group", () => {
  const bakery = groups[0]!;
  refuses(GroupSchema, bakery, [
    [
      "an unknown status",
      (x) => (x.status = "paused"),
      "status",
      "INVALID_OPTION",
      "此项不是可选的选项",
      "This field is not one of the options",
    ],
    [
      "a negative member count",
      (x) => (x.memberCount = -1),
      "memberCount",
      "TOO_SMALL",
      "成员人数不能小于 0",
      "The number of members must be 0 or more",
    ],
    [
      "a fractional member count",
      (x) => (x.memberCount = 2.5),
      "memberCount",
      "NOT_INTEGER",
      "成员人数必须是整数",
      "The number of members must be a whole number",
    ],
    [
      "a session ending before it starts",
      (x) => (x.schedule[0].end = "07:00"),
      "schedule.0.end",
      "END_BEFORE_START",
      "结束时间必须晚于开始时间",
      "The end time must be after the start time",
    ],
    [
      "weekday 8",
      (x) => (x.schedule[0].weekdays = [8]),
      "schedule.0.weekdays.0",
      "TOO_BIG",
      "此项不能大于 7",
      "This field must be 7 or less",
    ],
    [
      "no weekdays",
      (x) => (x.schedule[0].weekdays = []),
      "schedule.0.weekdays",
      "REQUIRED_CHOICE",
      "请选择此项",
      "Select this field",
    ],
    [
      "a cover without alt text",
      (x) => (x.cover.alt = {}),
      "cover.alt.zh-CN",
      "REQUIRED",
      "请填写中文内容",
      "Enter the Chinese text",
    ],
    ["a missing name", (x) => delete x.name, "name", "REQUIRED", "请填写姓名", "Enter your name"],
    [
      "a bad slug",
      (x) => (x.slug = "三个妈妈"),
      "slug",
      "INVALID_SLUG",
      "短名称只能包含小写字母、数字和连字符",
      "The short name can only contain lower-case letters, numbers and hyphens",
    ],
  ]);
  refuses(ChannelSchema, { kind: "web", label: { "zh-CN": "官网" }, url: "https://example.org" }, [
    [
      "a url that is not one",
      (x) => (x.url = "not a url"),
      "url",
      "INVALID_URL",
      "网址必须是有效网址",
      "The web address must be a web address, like https://example.org",
    ],
  ]);
  refuses(SessionScheduleSchema, { weekdays: [1, 2, 3, 4, 5], start: "09:00", end: "11:30" }, [
    [
      "a time like 9:00",
      (x) => (x.start = "9:00"),
      "start",
      "INVALID_TIME",
      "开始时间必须是有效时间，例如 18:00",
      "The start time must be a real time, like 18:00",
    ],
  ]);
  it("accepts all 63 fixture groups, 62 of them at the red house", () => {
    const all = [...groups, ...nightMarketGroups];
    expect(all).toHaveLength(63);
    expect(groups.filter((g) => g.hubId === "red-house")).toHaveLength(62);
    for (const g of all) expect(validate(GroupSchema, g).ok, g.id).toBe(true);
    expect(new Set(all.map((g) => g.id)).size).toBe(63);
  });
});

describe("Partner", () => {
  const hu = partners.find((p) => p.id === "hu-yanling")!;
  refuses(PartnerSchema, hu, [
    [
      "no roles",
      (x) => (x.roles = []),
      "roles",
      "REQUIRED_CHOICE",
      "请选择此项",
      "Select this field",
    ],
    [
      "an unknown cohort",
      (x) => (x.cohorts = ["student"]),
      "cohorts.0",
      "INVALID_OPTION",
      "此项不是可选的选项",
      "This field is not one of the options",
    ],
    [
      "a landline",
      (x) => (x.contact.phone = "0571-88888888"),
      "contact.phone",
      "INVALID_PHONE",
      "请输入正确的 11 位手机号码，例如 138 0013 8000",
      "Enter a mobile phone number in the correct format, like 138 0013 8000",
    ],
    [
      "a fractional baseline",
      (x) => (x.incomeBaseline.monthly.amount = 100.5),
      "incomeBaseline.monthly.amount",
      "AMOUNT_NOT_INTEGER",
      "金额必须是最小货币单位的整数（收到 100.5）",
      "An amount must be a whole number of minor units (got 100.5)",
    ],
    [
      "a negative baseline",
      (x) => (x.incomeBaseline.monthly.amount = -1),
      "incomeBaseline.monthly.amount",
      "TOO_SMALL",
      "金额不能小于 0",
      "The amount must be 0 or more",
    ],
    [
      "an unknown currency",
      (x) => (x.incomeBaseline.monthly.currency = "XXX"),
      "incomeBaseline.monthly.currency",
      "UNKNOWN_CURRENCY",
      "不支持的币种：XXX",
      "Unsupported currency: XXX",
    ],
    [
      "a name too long",
      (x) => (x.name = "名".repeat(51)),
      "name",
      "TOO_LONG",
      "姓名不能超过 50 个字",
      "Your name must be 50 characters or fewer",
    ],
  ]);
  it("accepts every fixture partner, and normalises phones", () => {
    for (const p of partners) expect(validate(PartnerSchema, p).ok, p.id).toBe(true);
    const r = validate(PartnerSchema, { ...hu, contact: { phone: "+86 138-0000-0011" } });
    expect(r.ok && r.value.contact.phone).toBe("13800000011");
  });
});

describe("Recruitment", () => {
  refuses(RecruitmentCallSchema, recruitmentCall, [
    [
      "no offers",
      (x) => (x.offers = []),
      "offers",
      "REQUIRED_CHOICE",
      "请选择此项",
      "Select this field",
    ],
    [
      "a deadline at the opening, before it ever opened",
      (x) => (x.deadline = x.opensAt),
      "deadline",
      "DEADLINE_BEFORE_OPENING",
      "截止时间必须晚于开始接受申请的时间",
      "The deadline must be after the call opens",
    ],
    [
      "a deadline without zone",
      (x) => (x.deadline = "2026-12-31"),
      "deadline",
      "INVALID_DATETIME",
      "截止时间必须是带时区的日期时间",
      "The deadline must be a date and time with a time zone",
    ],
  ]);
  refuses(ApplicationInputSchema, sampleApplication, [
    [
      "a missing name",
      (x) => (x.applicant.name = " "),
      "applicant.name",
      "REQUIRED",
      "请填写姓名",
      "Enter your name",
    ],
    [
      "a bad phone",
      (x) => (x.applicant.phone = "1380000"),
      "applicant.phone",
      "INVALID_PHONE",
      "请输入正确的 11 位手机号码，例如 138 0013 8000",
      "Enter a mobile phone number in the correct format, like 138 0013 8000",
    ],
    [
      "no community",
      (x) => (x.applicant.community = ""),
      "applicant.community",
      "REQUIRED",
      "请填写所在社区",
      "Enter your community",
    ],
    [
      "an idea too short",
      (x) => (x.idea.description = "做蛋糕"),
      "idea.description",
      "TOO_SHORT",
      "详细描述至少需要 10 个字",
      "A description must be 10 characters or more",
    ],
    [
      "an idea too long",
      (x) => (x.idea.description = "好".repeat(2001)),
      "idea.description",
      "TOO_LONG",
      "详细描述不能超过 2000 个字",
      "A description must be 2000 characters or fewer",
    ],
    [
      "no idea title",
      (x) => delete x.idea.title,
      "idea.title",
      "REQUIRED",
      "请填写标题",
      "Enter a title",
    ],
    [
      "no availability",
      (x) => (x.availability = []),
      "availability",
      "REQUIRED_CHOICE",
      "请选择可参与时间",
      "Select when you are available",
    ],
    [
      "an unknown availability",
      (x) => (x.availability = ["mornings"]),
      "availability.0",
      "INVALID_OPTION",
      "可参与时间不是可选的选项",
      "When you are available is not one of the options",
    ],
    [
      "no category",
      (x) => delete x.category,
      "category",
      "REQUIRED_CHOICE",
      "请选择类别",
      "Select a category",
    ],
    [
      "an unknown cohort",
      (x) => (x.cohort = "student"),
      "cohort",
      "INVALID_OPTION",
      "身份类别不是可选的选项",
      "Who you are is not one of the options",
    ],
    [
      "no consent",
      (x) => (x.consent.given = false),
      "consent.given",
      "CONSENT_REQUIRED",
      "请阅读并同意隐私说明后再提交",
      "Read and agree to the privacy notice before you submit",
    ],
    [
      "a consent without policy version",
      (x) => (x.consent.policyVersion = ""),
      "consent.policyVersion",
      "REQUIRED",
      "请填写隐私说明版本",
      "Enter the privacy notice version",
    ],
  ]);
  it("treats the cohort as optional", () => {
    const { cohort: _omit, ...rest } = sampleApplication;
    expect(validate(ApplicationInputSchema, rest).ok).toBe(true);
  });
  it("gives demos a call that takes applications on any day, the fixture's own while it is open", () => {
    const zone = "Asia/Shanghai";
    const inside = Date.parse("2026-12-01T10:00:00+08:00");
    expect(recruitmentCallOpenAt(inside)).toBe(recruitmentCall);
    for (const iso of [
      "2026-10-01T08:00:00+08:00",
      "2027-01-01T00:00:00+08:00",
      "2031-06-15T23:59:00+08:00",
    ]) {
      const now = Date.parse(iso);
      const call = recruitmentCallOpenAt(now);
      expect(checkApplication(call, sampleApplication, now, zone).ok, iso).toBe(true);
      expect(validate(RecruitmentCallSchema, call).ok, iso).toBe(true);
    }
    expect(recruitmentCallOpenAt(Date.parse("2027-03-01T10:00:00+08:00"))).toMatchObject({
      id: recruitmentCall.id,
      opensAt: "2027-02-01T10:00:00+08:00",
      deadline: "2027-04-30T10:00:00+08:00",
    });
  });
  it("places an instant before, inside or after a call's dates, both ends inside", () => {
    const at = (iso: string) => Date.parse(iso);
    expect(callWindow(recruitmentCall, at("2026-11-01T08:59:59.999+08:00"))).toBe("not-open");
    expect(callWindow(recruitmentCall, at("2026-11-01T09:00:00+08:00"))).toBe("open");
    expect(callWindow(recruitmentCall, at("2026-12-31T17:00:00+08:00"))).toBe("open");
    expect(callWindow(recruitmentCall, at("2026-12-31T17:00:00.001+08:00"))).toBe("closed");
    const { deadline: _none, ...open } = recruitmentCall;
    expect(callWindow(open, at("2099-01-01T00:00:00+08:00"))).toBe("open");
  });
  it("takes applications only while the call is open, with consent to its privacy notice", () => {
    const at = (iso: string) => Date.parse(iso);
    const zone = "Asia/Shanghai";
    expect(
      checkApplication(recruitmentCall, sampleApplication, at(recruitmentCall.opensAt), zone),
    ).toEqual({ ok: true, value: sampleApplication });
    const early = checkApplication(
      recruitmentCall,
      sampleApplication,
      at("2026-10-31T12:00:00+08:00"),
      zone,
    );
    const late = checkApplication(
      recruitmentCall,
      sampleApplication,
      at("2026-12-31T17:00:01+08:00"),
      zone,
    );
    const stale = checkApplication(
      recruitmentCall,
      { ...sampleApplication, consent: { ...sampleApplication.consent, policyVersion: "2025-01" } },
      at("2026-11-28T10:15:00+08:00"),
      zone,
    );
    if (early.ok || late.ok || stale.ok) throw new Error("expected refusals");
    expect(errorBody(httpCodeForIssues(early.error), early.error).error).toMatchObject({
      status: 409,
      code: "APPLICATIONS_NOT_OPEN",
      message: {
        "zh-CN": "招募将于 11月1日 09:00 开始接受申请",
        en: expect.stringContaining("Applications open at"),
      },
    });
    expect(early.error[0]!.path).toBe("callId");
    expect(errorBody(httpCodeForIssues(late.error), late.error).error).toMatchObject({
      status: 409,
      code: "APPLICATIONS_CLOSED",
    });
    expect(errorBody(httpCodeForIssues(stale.error), stale.error).error).toMatchObject({
      status: 400,
      code: "VALIDATION_FAILED",
    });
    expect(fieldMessages(stale.error, "en")).toEqual({
      "consent.policyVersion":
        "The privacy notice has changed (it is now version 2026-11): read and agree to it again before you submit",
    });
    expect(fieldMessages(stale.error, "zh-CN")["consent.policyVersion"]).toBe(
      "隐私说明已更新（现为 2026-11 版），请重新阅读并同意后再提交",
    );
  });
  refuses(
    ApplicationSchema,
    {
      ...sampleApplication,
      id: "app-1",
      reference: "HZ-2026-0042",
      status: "submitted",
      submittedAt: "2026-11-28T10:15:00+08:00",
      updatedAt: "2026-11-28T10:15:00+08:00",
    },
    [
      [
        "an unknown status",
        (x) => (x.status = "lost"),
        "status",
        "INVALID_OPTION",
        "此项不是可选的选项",
        "This field is not one of the options",
      ],
    ],
  );
});

describe("Menu", () => {
  refuses(MenuSchema, bakeryMenu("2026-12-01"), [
    [
      "an empty menu",
      (x) => (x.items = []),
      "items",
      "REQUIRED_CHOICE",
      "请选择此项",
      "Select this field",
    ],
    [
      "a price in yen on a yuan menu",
      (x) => (x.items[0].price = { amount: 500, currency: "JPY" }),
      "items.0.price.currency",
      "CURRENCY_MISMATCH",
      "币种不一致：CNY 与 JPY 不能相加或比较",
      "Currencies differ: CNY and JPY cannot be combined",
    ],
    [
      "a fractional price",
      (x) => (x.items[0].price.amount = 18.5),
      "items.0.price.amount",
      "AMOUNT_NOT_INTEGER",
      "金额必须是最小货币单位的整数（收到 18.5）",
      "An amount must be a whole number of minor units (got 18.5)",
    ],
    [
      "a negative stock",
      (x) => (x.items[0].stock = -1),
      "items.0.stock",
      "TOO_SMALL",
      "库存不能小于 0",
      "The stock must be 0 or more",
    ],
    [
      "a per-order limit of 0",
      (x) => (x.items[0].perOrderLimit = 0),
      "items.0.perOrderLimit",
      "TOO_SMALL_EXCLUSIVE",
      "每单限购必须大于 0",
      "The limit per order must be more than 0",
    ],
    [
      "two items with one id",
      (x) => (x.items[1].id = x.items[0].id),
      "items.1.id",
      "DUPLICATE_ID",
      "编号 tiger-roll 重复",
      "The id tiger-roll is used twice",
    ],
    [
      "a slot ending before it starts",
      (x) => (x.slots[0].end = "14:00"),
      "slots.0.end",
      "END_BEFORE_START",
      "结束时间必须晚于开始时间",
      "The end time must be after the start time",
    ],
    [
      "a cut-off more than 30 days ahead",
      (x) => (x.cutoff.daysBefore = 31),
      "cutoff.daysBefore",
      "TOO_BIG",
      "此项不能大于 30",
      "This field must be 30 or less",
    ],
    [
      "an unknown cut-off kind",
      (x) => (x.cutoff = { kind: "weekly" }),
      "cutoff.kind",
      "INVALID_OPTION",
      "此项不是可选的选项",
      "This field is not one of the options",
    ],
    [
      "an impossible date",
      (x) => (x.date = "2026-02-30"),
      "date",
      "INVALID_DATE",
      "日期必须是有效日期，例如 2026-12-01",
      "The date must be a real date, like 2026-12-01",
    ],
  ]);
  it("describes live availability with its own schema", () => {
    const m = bakeryMenu("2026-12-01");
    expect(
      validate(MenuAvailabilitySchema, menuAvailability(m, [], Date.parse("2026-12-01T00:00:00Z")))
        .ok,
    ).toBe(true);
  });
});

describe("Orders", () => {
  refuses(OrderDraftSchema, draft, [
    [
      "no lines",
      (x) => (x.lines = []),
      "lines",
      "EMPTY_ORDER",
      "请至少选择一件商品",
      "Choose at least one item",
    ],
    [
      "a zero quantity",
      (x) => (x.lines[0].quantity = 0),
      "lines.0.quantity",
      "TOO_SMALL_EXCLUSIVE",
      "数量必须大于 0",
      "The quantity must be more than 0",
    ],
    [
      "a fractional quantity",
      (x) => (x.lines[0].quantity = 1.5),
      "lines.0.quantity",
      "NOT_INTEGER",
      "数量必须是整数",
      "The quantity must be a whole number",
    ],
    [
      "a quantity as text",
      (x) => (x.lines[0].quantity = "2"),
      "lines.0.quantity",
      "INVALID_TYPE",
      "数量的格式不正确",
      "The quantity is not in the right format",
    ],
    [
      "no contact name",
      (x) => (x.contact.name = ""),
      "contact.name",
      "REQUIRED",
      "请填写姓名",
      "Enter your name",
    ],
    [
      "a bad phone",
      (x) => (x.contact.phone = "12345"),
      "contact.phone",
      "INVALID_PHONE",
      "请输入正确的 11 位手机号码，例如 138 0013 8000",
      "Enter a mobile phone number in the correct format, like 138 0013 8000",
    ],
    [
      "a note too long",
      (x) => (x.note = "多".repeat(201)),
      "note",
      "TOO_LONG",
      "备注不能超过 200 个字",
      "The note must be 200 characters or fewer",
    ],
    [
      "no consent",
      (x) => (x.consent.given = false),
      "consent.given",
      "CONSENT_REQUIRED",
      "请阅读并同意隐私说明后再提交",
      "Read and agree to the privacy notice before you submit",
    ],
    [
      "a short idempotency key",
      (x) => (x.idempotencyKey = "abc"),
      "idempotencyKey",
      "TOO_SHORT",
      "请求编号至少需要 8 个字",
      "The request key must be 8 characters or more",
    ],
    [
      "no slot",
      (x) => delete x.slotId,
      "slotId",
      "REQUIRED",
      "请填写取货时段",
      "Enter a pickup time",
    ],
  ]);
  it("normalises the phone in a draft", () => {
    const r = validate(OrderDraftSchema, draft);
    expect(r.ok && r.value.contact.phone).toBe("13800009901");
  });
  refuses(
    OrderSchema,
    {
      id: "o-1",
      menuId: draft.menuId,
      groupId: "three-moms-baking",
      lines: [
        {
          itemId: "tiger-roll",
          quantity: 2,
          unitPrice: { amount: 1800, currency: "CNY" },
          lineTotal: { amount: 3600, currency: "CNY" },
        },
      ],
      total: { amount: 3600, currency: "CNY" },
      slotId: "s1500",
      contact: { name: "林晓雨", phone: "13800009901" },
      consent: draft.consent,
      idempotencyKey: draft.idempotencyKey,
      pickupCode: "042917",
      status: "placed",
      placedAt: "2026-11-30T20:01:00+08:00",
      updatedAt: "2026-11-30T20:01:00+08:00",
    },
    [
      [
        "a five-digit pickup code",
        (x) => (x.pickupCode = "12345"),
        "pickupCode",
        "INVALID_FORMAT",
        "此项的格式不正确",
        "This field is not in the right format",
      ],
      [
        "an unknown status",
        (x) => (x.status = "lost"),
        "status",
        "INVALID_OPTION",
        "此项不是可选的选项",
        "This field is not one of the options",
      ],
    ],
  );
});

describe("LinliIssue", () => {
  it("is itself described by a schema, so an HTTP error body can be checked", () => {
    const r = validate(OrderDraftSchema, { ...draft, lines: [] });
    expect(r.ok).toBe(false);
    if (!r.ok) for (const i of r.error) expect(validate(LinliIssueSchema, i).ok).toBe(true);
  });
});
