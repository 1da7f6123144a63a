package dev.aicost.spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a {@code --map} file ({@code schema: aicost/modelmap/v1}): for each target card id, which
 * model stands for a model of the spec.
 * <pre>
 * schema: aicost/modelmap/v1
 * maps:
 *   openai-api:
 *     anthropic.claude-sonnet-4-5: gpt-5
 * </pre>
 */
public final class ModelMapReader {
    public static final String SCHEMA = "aicost/modelmap/v1";

    private ModelMapReader() {
    }

    /** Card id to (model name to model id on that card). */
    public static Map<String, Map<String, String>> read(Path path) {
        String file = path.toString();
        Fields f = new Fields(file);
        YNode.YMap top = f.map(YamlLoader.load(path), "");
        f.throwIfAny();
        f.onlyKeys(top, "", Fields.keys("schema", "description", "maps"));
        String schema = f.string(top, "schema", "", true);
        if (schema != null && !schema.equals(SCHEMA)) {
            f.problem(top.get("schema"), "schema", "expected '" + SCHEMA + "', got '" + schema + "'");
        }
        Map<String, Map<String, String>> maps = new LinkedHashMap<>();
        YNode.YMap cards = f.has(top, "maps") ? f.map(top.get("maps"), "maps") : null;
        if (!f.has(top, "maps")) {
            f.problem(top, "maps", "is required");
        }
        if (cards != null) {
            for (Map.Entry<String, YNode> card : cards.entries().entrySet()) {
                String path0 = "maps." + card.getKey();
                YNode.YMap models = f.map(card.getValue(), path0);
                if (models == null) {
                    continue;
                }
                Map<String, String> map = new LinkedHashMap<>();
                for (String from : models.entries().keySet()) {
                    String to = f.string(models, from, path0, true);
                    if (to != null) {
                        map.put(from, to);
                    }
                }
                maps.put(card.getKey(), map);
            }
        }
        f.throwIfAny();
        return maps;
    }
}
