package dev.aicost.report;

import dev.aicost.routing.RouteSpec;
import dev.aicost.routing.Routing;
import java.util.List;

/** What {@code aicost route} shows: the routing on the spec's card and on any compared cards. */
public record RouteReport(String spec, RouteSpec routeSpec, Routing routing, List<Compared> comparisons,
        List<String> warnings) {

    /** The same routing on another card, or why it could not be done there ({@code routing} null). */
    public record Compared(String ratecard, Routing routing, String note) {
    }
}
