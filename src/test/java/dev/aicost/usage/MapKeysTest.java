package dev.aicost.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aicost.model.Mode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The map keys of the readers write their equals and hashCode out (a record's own are linked at
 * first use, which costs a short run milliseconds): equal when every component is, unequal when
 * any one differs, nulls included.
 */
class MapKeysTest {
    private static void holds(Object key, Object same, List<Object> others) {
        assertThat(key).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(null).isNotEqualTo("key");
        for (Object other : others) {
            assertThat(key).as("against %s", other).isNotEqualTo(other);
            assertThat(other).as("against %s", key).isNotEqualTo(key);
        }
    }

    @Test
    void groupShapeAndRouteKeys() {
        holds(new UsageAggregator.GroupKey("m", "t", "r", 5), new UsageAggregator.GroupKey("m", "t", "r", 5), List.of(
                new UsageAggregator.GroupKey("n", "t", "r", 5), new UsageAggregator.GroupKey("m", null, "r", 5),
                new UsageAggregator.GroupKey("m", "t", null, 5), new UsageAggregator.GroupKey("m", "t", "r", 6)));
        holds(new UsageAggregator.GroupKey("m", null, null, 0), new UsageAggregator.GroupKey("m", null, null, 0),
                List.of(new UsageAggregator.GroupKey("m", "", null, 0)));
        holds(new UsageAggregator.ShapeKey("m", "t", "r"), new UsageAggregator.ShapeKey("m", "t", "r"), List.of(
                new UsageAggregator.ShapeKey("x", "t", "r"), new UsageAggregator.ShapeKey("m", "x", "r"),
                new UsageAggregator.ShapeKey("m", "t", "x"), new UsageAggregator.ShapeKey("m", null, "r")));
        holds(new UsageAggregator.RegionRoute("a", "b"), new UsageAggregator.RegionRoute("a", "b"), List.of(
                new UsageAggregator.RegionRoute("b", "a"), new UsageAggregator.RegionRoute("a", null),
                new UsageAggregator.RegionRoute(null, "b")));
        holds(new UsageAggregator.RegionRoute(null, null), new UsageAggregator.RegionRoute(null, null), List.of());
    }

    @Test
    void billingKeys() {
        holds(new BillingReader.Key("m", "t", Mode.BATCH, true, 3), new BillingReader.Key("m", "t", Mode.BATCH, true, 3),
                List.of(new BillingReader.Key("n", "t", Mode.BATCH, true, 3),
                        new BillingReader.Key("m", null, Mode.BATCH, true, 3),
                        new BillingReader.Key("m", "t", Mode.ON_DEMAND, true, 3),
                        new BillingReader.Key("m", "t", Mode.BATCH, false, 3),
                        new BillingReader.Key("m", "t", Mode.BATCH, true, 4)));
        holds(new BillingReader.OtherKey("p", "s", "m", "u"), new BillingReader.OtherKey("p", "s", "m", "u"), List.of(
                new BillingReader.OtherKey("x", "s", "m", "u"), new BillingReader.OtherKey("p", "x", "m", "u"),
                new BillingReader.OtherKey("p", "s", "x", "u"), new BillingReader.OtherKey("p", "s", "m", "x"),
                new BillingReader.OtherKey("p", "s", "m", null)));
    }
}
