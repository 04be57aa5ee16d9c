import * as z from "zod/mini";
import { IdSchema } from "../common/ids.js";
import { issueIn, type LinliIssue } from "../common/issue.js";
import { moneyMessages, splitMessages } from "../i18n/messages.js";
import { err, ok, type Result } from "../common/result.js";
import { allocate as allocateMoney, MoneySchema, money, type Money } from "../money/money.js";
import { formatMoney } from "../money/format.js";
import { InstantSchema } from "../time/schemas.js";
import type { Allocation } from "./allocate.js";

/** A refund of (part of) a sale. */
export const RefundSchema = /* @__PURE__ */ (() =>
  z.object({
    id: IdSchema,
    saleId: IdSchema,
    amount: MoneySchema,
    at: InstantSchema,
  }))();
export type Refund = z.infer<typeof RefundSchema>;

/** How a refund is taken back from each party. */
export const RefundSplitSchema = /* @__PURE__ */ (() =>
  z.object({
    refundId: IdSchema,
    saleId: IdSchema,
    ruleSetId: IdSchema,
    /** The settlement period the refund is booked in (its own time, not the sale's). */
    at: InstantSchema,
    amount: MoneySchema,
    lines: z.array(z.object({ partyId: IdSchema, amount: MoneySchema })),
  }))();
export type RefundSplit = z.infer<typeof RefundSplitSchema>;

/**
 * Reverses a refund across the parties of the original split, exactly.
 *
 * Each refund is shared in proportion to what each party still holds of the sale (its final
 * amount less what earlier refunds took back), by largest remainder with ties to the party
 * listed first. So no party ever gives back more than it got, every refund adds up to its
 * amount, and refunds that add up to the whole sale leave every party at exactly zero.
 *
 * @param previous - the earlier refund splits of the same sale.
 * @example
 * const r = splitRefund(allocation, { id: "r1", saleId: "s1", amount: money(900, "CNY"), at: "2026-11-29T10:00:00+08:00" }, []);
 */
export function splitRefund(
  allocation: Allocation,
  refund: Refund,
  previous: readonly RefundSplit[],
): Result<RefundSplit, LinliIssue> {
  const currency = allocation.amount.currency;
  if (refund.amount.currency !== currency) {
    return err(
      issueIn(
        moneyMessages,
        "CURRENCY_MISMATCH",
        { expected: currency, actual: refund.amount.currency },
        "amount.currency",
      ),
    );
  }
  if (!(refund.amount.amount > 0))
    return err(issueIn(splitMessages, "REFUND_NOT_POSITIVE", {}, "amount.amount"));
  const remaining = allocation.lines.map((l) => l.amount.amount);
  for (const prev of previous) {
    prev.lines.forEach((l) => {
      const i = allocation.lines.findIndex((x) => x.partyId === l.partyId);
      if (i >= 0) remaining[i]! -= l.amount.amount;
    });
  }
  const left = remaining.reduce((a, b) => a + b, 0);
  if (refund.amount.amount > left) {
    const rest = money(left, currency);
    return err(
      issueIn(
        splitMessages,
        "REFUND_TOO_LARGE",
        { remaining: { "zh-CN": formatMoney(rest, "zh-CN"), en: formatMoney(rest, "en") } },
        "amount.amount",
        { remaining: left },
      ),
    );
  }
  const parts: Money[] = allocateMoney(refund.amount, remaining);
  return ok({
    refundId: refund.id,
    saleId: allocation.saleId,
    ruleSetId: allocation.ruleSetId,
    at: refund.at,
    amount: refund.amount,
    lines: allocation.lines.map((l, i) => ({ partyId: l.partyId, amount: parts[i]! })),
  });
}
