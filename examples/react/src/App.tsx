import type { LinliStore } from "@linli/client";
import { formatMoney } from "@linli/core/money";
import {
  LinliGroupDirectory,
  LinliImpactBoard,
  LinliPreorder,
  LinliRecruitForm,
  LinliSchedule,
  type ApplicationSubmittedDetail,
  type GroupJoinDetail,
  type OrderPlacedDetail,
} from "@linli/react";
import { useState } from "react";

/**
 * A street office's page in React: each widget gets the same store as a prop, and the app keeps
 * what the widgets report (`onGroupJoin`, `onOrderPlaced`, `onApplicationSubmitted`) in its
 * own state, to show it outside the widgets (a site would route, or update a basket).
 */
export function App({ store }: { store: LinliStore }) {
  const [joining, setJoining] = useState<GroupJoinDetail>();
  const [order, setOrder] = useState<OrderPlacedDetail>();
  const [application, setApplication] = useState<ApplicationSubmittedDetail>();

  return (
    <>
      <header className="masthead">
        <h1>红房子邻里中心</h1>
        <p>桃源金星党群服务中心 · 60 多个居民社群的家</p>
      </header>
      <main>
        {/* What the app heard from the widgets, announced politely to screen readers. */}
        <section className="notices" aria-label="你的操作" aria-live="polite">
          {joining && (
            <p data-testid="joining">想加入「{joining.name}」？请到红房子一楼前台登记。</p>
          )}
          {order && (
            <p data-testid="order">
              已收到订单 <strong>{order.orderId}</strong>：合计 {formatMoney(order.total, "zh-CN")}
              ，{order.date} {order.slot.start}–{order.slot.end}{" "}
              取货。取货码见下方预订区的确认信息。
            </p>
          )}
          {application && (
            <p data-testid="application">
              申请已提交，编号 <strong>{application.receipt.reference}</strong>。
            </p>
          )}
        </section>

        <section aria-labelledby="groups-title">
          <h2 id="groups-title">红房子的社群</h2>
          <LinliGroupDirectory
            store={store}
            headingLevel={3}
            onGroupJoin={(e) => setJoining(e.detail)}
          />
        </section>

        <LinliPreorder
          group="three-moms-baking"
          store={store}
          headingLevel={2}
          privacyHref="privacy.html"
          onOrderPlaced={(e) => setOrder(e.detail)}
        />

        <LinliRecruitForm
          store={store}
          headingLevel={2}
          onApplicationSubmitted={(e) => setApplication(e.detail)}
        />

        <LinliSchedule store={store} />

        <LinliImpactBoard store={store} variant="compact" />
      </main>
    </>
  );
}
