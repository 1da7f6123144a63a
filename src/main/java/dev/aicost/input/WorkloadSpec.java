package dev.aicost.input;

import dev.aicost.model.Workload;
import java.nio.file.Path;
import java.util.List;

/**
 * A validated workload spec: its workloads, the default card, and the YAML nodes they came from
 * (so that later checks against a rate card can still point at a line and column).
 */
public record WorkloadSpec(String file, Path directory, String ratecard, YNode ratecardNode,
        List<Workload> workloads, List<YNode.YMap> nodes) {

    /**
     * A problem with the card workload {@code index} names: at its own {@code ratecard:} key when it
     * has one, else at the spec's top-level {@code ratecard:}.
     */
    public Problem ratecardProblem(int index, String message) {
        if (index >= 0 && index < nodes.size() && nodes.get(index).get("ratecard") != null) {
            return problemAt(index, "ratecard", message);
        }
        YNode at = ratecardNode != null ? ratecardNode : nodes.isEmpty() ? null : nodes.get(0);
        return new Problem(file, at == null ? 0 : at.line(), at == null ? 0 : at.column(), "ratecard", message);
    }

    /** A problem about {@code field} (dotted, relative to workload {@code index}) at its position. */
    public Problem problemAt(int index, String field, String message) {
        YNode at = nodes.get(index);
        String path = "workloads[" + index + "]";
        YNode current = at;
        if (field != null) {
            for (String part : field.split("\\.")) {
                if (current instanceof YNode.YMap map && map.get(part) != null) {
                    current = map.get(part);
                    at = current;
                } else {
                    break;
                }
            }
            path = path + "." + field;
        }
        return new Problem(file, at.line(), at.column(), path, message);
    }
}
