// Types the <linli-*> tags in this app's templates (checked by vue-tsc in `pnpm build`): their
// props are the element classes' own properties, and their events the `linli-*` events the
// elements declare in GlobalEventHandlersEventMap, so `@linli-order-placed` handlers get
// `CustomEvent<OrderPlacedDetail>`. Nothing here is written twice: it all comes from
// @linli/elements. Copy this file into your own Vue app to get the same checks.
import type { DefineSetupFnComponent } from "vue";
import type {
  LinliElement,
  LinliGroupCard,
  LinliGroupDirectory,
  LinliImpactBoard,
  LinliPreorder,
  LinliRecruitForm,
  LinliSchedule,
} from "@linli/elements";

/** An element's own public properties (not those every HTMLElement or LitElement has). */
type ElementProps<E> = Partial<Omit<E, keyof LinliElement>> &
  Partial<Pick<LinliElement, "strings">>;

/** The element's events, each with the event type it is declared with. */
type Events<K extends keyof GlobalEventHandlersEventMap> = {
  [N in K]: (event: GlobalEventHandlersEventMap[N]) => void;
};

type LinliTag<E, K extends keyof GlobalEventHandlersEventMap = never> = DefineSetupFnComponent<
  ElementProps<E>,
  Events<K>
>;

declare module "vue" {
  interface GlobalComponents {
    "linli-group-card": LinliTag<LinliGroupCard, "linli-group-join">;
    "linli-group-directory": LinliTag<
      LinliGroupDirectory,
      "linli-groups-filter" | "linli-group-join"
    >;
    "linli-preorder": LinliTag<LinliPreorder, "linli-order-placed" | "linli-order-failed">;
    "linli-recruit-form": LinliTag<
      LinliRecruitForm,
      "linli-application-submitted" | "linli-application-failed"
    >;
    "linli-schedule": LinliTag<LinliSchedule, "linli-schedule-export">;
    "linli-impact-board": LinliTag<LinliImpactBoard>;
  }
}
