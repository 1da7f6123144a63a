package dev.aicost.routing;

import static dev.aicost.TestCards.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aicost.TestCards;
import dev.aicost.model.Mode;
import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Routing decisions worked out by hand on route-card (per 1M tokens: a-cheap, b-cheap tier 1 and
 * c-mid tier 2 at 1.00/1.00; g-mid tier 2 at 0.50/0.50; d-pro tier 3 at 3/15; e-top, f-top tier 4
 * at 15/75). Every class below is 1,000 input and 100 output tokens, so one request costs:
 * a/b/c 0.0011, g 0.00055, d 0.0045, e/f 0.0225.
 */
class RouterTest {
    private final RateCard card = TestCards.card("route-card");

    private ModelPrice model(String id) {
        return card.find(id).orElseThrow();
    }

    private static RouteClass routeClass(String name, String share, int minTier) {
        return new RouteClass(name, d(share), BigDecimal.ONE, d("1000"), d("100"), null, Map.of(), minTier);
    }

    private static final List<RouteClass> CLASSES = List.of(routeClass("simple", "0.5", 1),
            routeClass("medium", "0.3", 3), routeClass("hard", "0.2", 4));

    private Routing route(BigDecimal ceiling, RouteSpec.OverCeiling policy, List<String> candidates,
            List<RouteClass> classes) {
        RouteSpec spec = new RouteSpec("route-card", "e-top", d("1000000"), ceiling, policy, candidates, classes);
        List<ModelPrice> models = candidates.stream().map(this::model).toList();
        return Router.route(spec, card, model("e-top"), models);
    }

    private static final List<String> ALL = List.of("a-cheap", "b-cheap", "c-mid", "d-pro", "e-top", "f-top");

    @Test
    void cheapestSufficientWithTieBreaks() {
        // simple (tier >= 1): a, b, c all cost 0.0011 -> the higher tier wins: c-mid; 500,000 x 0.0011 = 550
        // medium (tier >= 3): d-pro 0.0045; 300,000 x 0.0045 = 1,350
        // hard (tier >= 4): e-top and f-top tie at 0.0225 with the same tier -> the smaller id: e-top; 4,500
        // baseline e-top for all: 1,000,000 x 0.0225 = 22,500; routed 6,400; savings 16,100 = 71.5556%
        Routing r = route(null, RouteSpec.OverCeiling.DOWNGRADE, ALL, CLASSES);
        assertThat(r.assignments()).extracting(a -> a.model().id()).containsExactly("c-mid", "d-pro", "e-top");
        assertThat(r.assignments()).extracting(Routing.Assignment::monthlyCost)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(d("550"), d("1350"), d("4500"));
        assertThat(r.assignments()).extracting(Routing.Assignment::flag).containsOnly(Routing.Flag.ROUTED);
        assertThat(r.baselineMonthlyCost()).isEqualByComparingTo("22500");
        assertThat(r.routedMonthlyCost()).isEqualByComparingTo("6400");
        assertThat(r.savings()).isEqualByComparingTo("16100");
        assertThat(r.savingsPercent().setScale(4, java.math.RoundingMode.HALF_EVEN)).isEqualByComparingTo("71.5556");
        assertThat(r.mix()).containsEntry("c-mid", d("0.5")).containsEntry("d-pro", d("0.3"))
                .containsEntry("e-top", d("0.2"));
        assertThat(r.rejectedRequests()).isEqualByComparingTo("0");
    }

    @Test
    void ceilingWithDowngrade() {
        // ceiling 0.01: hard's e-top (0.0225) is over it; the most capable under it is d-pro (tier 3,
        // 0.0045): 200,000 x 0.0045 = 900, flagged downgraded. Routed 550 + 1,350 + 900 = 2,800.
        Routing r = route(d("0.01"), RouteSpec.OverCeiling.DOWNGRADE, ALL, CLASSES);
        Routing.Assignment hard = r.assignments().get(2);
        assertThat(hard.model().id()).isEqualTo("d-pro");
        assertThat(hard.flag()).isEqualTo(Routing.Flag.DOWNGRADED);
        assertThat(hard.cheapestSufficient().id()).isEqualTo("e-top");
        assertThat(hard.monthlyCost()).isEqualByComparingTo("900");
        assertThat(r.routedMonthlyCost()).isEqualByComparingTo("2800");
    }

    @Test
    void ceilingWithReject() {
        // ceiling 0.01, reject: hard is rejected; its 200,000 requests cost 0 and are counted
        Routing r = route(d("0.01"), RouteSpec.OverCeiling.REJECT, ALL, CLASSES);
        Routing.Assignment hard = r.assignments().get(2);
        assertThat(hard.model()).isNull();
        assertThat(hard.flag()).isEqualTo(Routing.Flag.REJECTED);
        assertThat(hard.monthlyCost()).isEqualByComparingTo("0");
        assertThat(r.rejectedRequests()).isEqualByComparingTo("200000");
        assertThat(r.routedMonthlyCost()).isEqualByComparingTo("1900");
        assertThat(r.mix()).doesNotContainKey("e-top");
    }

    @Test
    void downgradeWithNothingUnderTheCeilingRejects() {
        // ceiling 0.001 is below every candidate (cheapest 0.0011): all three classes are rejected
        Routing r = route(d("0.001"), RouteSpec.OverCeiling.DOWNGRADE, ALL, CLASSES);
        assertThat(r.assignments()).extracting(Routing.Assignment::flag).containsOnly(Routing.Flag.REJECTED);
        assertThat(r.rejectedRequests()).isEqualByComparingTo("1000000");
        assertThat(r.routedMonthlyCost()).isEqualByComparingTo("0");
    }

    @Test
    void downgradeTieBreaksCheaperThenSmallerId() {
        // under a 0.002 ceiling, c-mid (0.0011) and g-mid (0.00055) are both tier 2: the cheaper g-mid
        Routing r = route(d("0.002"), RouteSpec.OverCeiling.DOWNGRADE, List.of("c-mid", "g-mid", "e-top"),
                List.of(routeClass("hard", "1", 4)));
        assertThat(r.assignments().get(0).model().id()).isEqualTo("g-mid");
        // a-cheap and b-cheap: same tier, same cost: the smaller id
        Routing ab = route(d("0.002"), RouteSpec.OverCeiling.DOWNGRADE, List.of("b-cheap", "a-cheap", "e-top"),
                List.of(routeClass("hard", "1", 4)));
        assertThat(ab.assignments().get(0).model().id()).isEqualTo("a-cheap");
        assertThat(ab.assignments().get(0).flag()).isEqualTo(Routing.Flag.DOWNGRADED);
    }

    @Test
    void aClassNoTierCanServeIsAnError() {
        assertThatThrownBy(() -> route(null, RouteSpec.OverCeiling.DOWNGRADE, ALL,
                List.of(routeClass("simple", "0.5", 1), routeClass("impossible", "0.5", 5))))
                .isInstanceOf(RoutingException.class)
                .satisfies(e -> assertThat(((RoutingException) e).classIndex()).isEqualTo(1))
                .hasMessageContaining("no candidate on route-card has tier 5 or higher");
    }

    @Test
    void classShapesUseTheEstimateRules() {
        // medium in batch: d-pro at half price, 0.00225 a request; 3 calls per request triple it: 0.00675
        RouteClass batch = new RouteClass("batch", d("1"), d("3"), d("1000"), d("100"), null,
                Map.of(Mode.BATCH, BigDecimal.ONE), 3);
        Routing r = route(null, RouteSpec.OverCeiling.DOWNGRADE, ALL, List.of(batch));
        assertThat(r.assignments().get(0).costPerRequest()).isEqualByComparingTo("0.00675");
        assertThat(r.assignments().get(0).baselineCostPerRequest()).isEqualByComparingTo("0.03375");
    }
}
