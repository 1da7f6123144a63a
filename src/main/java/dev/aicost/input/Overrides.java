package dev.aicost.input;

import java.util.LinkedHashMap;
import java.util.List;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * {@code --set PATH=VALUE} what-if overrides, applied to a workload spec's YAML tree before it
 * is validated, so an override is checked exactly like a value in the file. PATH is a workload
 * name (or {@code *} for every workload) followed by dotted keys: {@code support-chat.mix.batch=0.5}.
 */
public final class Overrides {
    /** Values set from the command line carry this line number; messages say "--set". */
    public static final int COMMAND_LINE = -1;

    private Overrides() {
    }

    public static void apply(YNode root, String file, List<String> assignments) {
        if (assignments.isEmpty()) {
            return;
        }
        if (!(root instanceof YNode.YMap top) || !(top.get("workloads") instanceof YNode.YList list)) {
            throw InputException.of(file, "--set needs a spec with a 'workloads' list");
        }
        Resolver resolver = new Resolver();
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            int dot = assignment.indexOf('.');
            if (eq < 0 || dot < 0 || dot > eq) {
                throw InputException.of("--set " + assignment, "expected WORKLOAD.FIELD[.FIELD...]=VALUE, e.g. "
                        + "support-chat.mix.batch=0.5");
            }
            String target = assignment.substring(0, dot);
            String[] keys = assignment.substring(dot + 1, eq).split("\\.");
            String text = assignment.substring(eq + 1);
            YNode.ScalarType type = YNode.ScalarType.of(resolver.resolve(NodeId.scalar, text, true));
            boolean matched = false;
            for (YNode item : list.items()) {
                if (item instanceof YNode.YMap workload && (target.equals("*")
                        || workload.get("name") instanceof YNode.YScalar n && n.text().equals(target))) {
                    set(workload, keys, new YNode.YScalar(text, type, COMMAND_LINE, 0), assignment);
                    matched = true;
                }
            }
            if (!matched) {
                throw InputException.of("--set " + assignment, "no workload named '" + target + "' in " + file);
            }
        }
    }

    private static void set(YNode.YMap workload, String[] keys, YNode.YScalar value, String assignment) {
        YNode.YMap current = workload;
        for (int i = 0; i < keys.length - 1; i++) {
            YNode next = current.get(keys[i]);
            if (next == null || next instanceof YNode.YScalar s && s.isNull()) {
                next = new YNode.YMap(new LinkedHashMap<>(), new LinkedHashMap<>(), COMMAND_LINE, 0);
                current.entries().put(keys[i], next);
                current.keyPositions().put(keys[i], new int[] {COMMAND_LINE, 0});
            }
            if (!(next instanceof YNode.YMap map)) {
                throw InputException.of("--set " + assignment, "'" + keys[i] + "' is not a mapping");
            }
            current = map;
        }
        String last = keys[keys.length - 1];
        current.entries().put(last, value);
        current.keyPositions().putIfAbsent(last, new int[] {COMMAND_LINE, 0});
    }
}
