package dev.aicost.input;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * {@code --set PATH=VALUE} what-if overrides, applied to a workload spec's YAML tree before it
 * is validated, so an override is checked exactly like a value in the file. PATH is a workload
 * name (or {@code *} for every workload) followed by dotted keys: {@code support-chat.mix.batch=0.5};
 * VALUE may be a flow mapping, {@code agent.calls_per_request={ low: 3, expected: 4, high: 8 }}.
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
            YNode value = value(text, assignment);
            boolean matched = false;
            for (YNode item : list.items()) {
                if (item instanceof YNode.YMap workload && (target.equals("*")
                        || workload.get("name") instanceof YNode.YScalar n && n.text().equals(target))) {
                    set(workload, keys, value, assignment);
                    matched = true;
                }
            }
            if (!matched) {
                throw InputException.of("--set " + assignment, "no workload named '" + target + "' in " + file);
            }
        }
    }

    /**
     * The value of an assignment: a scalar resolved as YAML would, or a flow mapping or list such
     * as {@code { low: 3, expected: 4, high: 8 }}, every node placed on the command line.
     */
    private static YNode value(String text, String assignment) {
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            YNode parsed = YamlLoader.load("--set " + assignment, new java.io.StringReader(trimmed));
            return onCommandLine(parsed);
        }
        return new YNode.YScalar(text, YamlLoader.plainType(text), COMMAND_LINE, 0);
    }

    private static YNode onCommandLine(YNode node) {
        if (node instanceof YNode.YMap map) {
            LinkedHashMap<String, YNode> entries = new LinkedHashMap<>();
            LinkedHashMap<String, int[]> positions = new LinkedHashMap<>();
            map.entries().forEach((key, child) -> {
                entries.put(key, onCommandLine(child));
                positions.put(key, new int[] {COMMAND_LINE, 0});
            });
            return new YNode.YMap(entries, positions, COMMAND_LINE, 0);
        }
        if (node instanceof YNode.YList list) {
            return new YNode.YList(list.items().stream().map(Overrides::onCommandLine).toList(), COMMAND_LINE, 0);
        }
        YNode.YScalar scalar = (YNode.YScalar) node;
        return new YNode.YScalar(scalar.text(), scalar.type(), COMMAND_LINE, 0);
    }

    private static void set(YNode.YMap workload, String[] keys, YNode value, String assignment) {
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
