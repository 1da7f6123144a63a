package dev.aicost.input;

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

    /** A read model map: card id to (model name to model id on that card), and where each entry was written. */
    public record ModelMap(String file, Map<String, Map<String, String>> maps, YNode.YMap cards) {
        /** The map for {@code cardId} (empty when the file has none). */
        public Map<String, String> forCard(String cardId) {
            return maps.getOrDefault(cardId, Map.of());
        }

        /**
         * Bad input, each at its line and column, for a card key that is none of the compared cards
         * (a misspelling would silently do nothing) and for a target model its card does not price.
         */
        public void check(java.util.List<dev.aicost.model.RateCard> compared) {
            java.util.List<Problem> problems = new java.util.ArrayList<>();
            java.util.List<String> ids = compared.stream().map(dev.aicost.model.RateCard::id).toList();
            for (Map.Entry<String, Map<String, String>> entry : maps.entrySet()) {
                String cardId = entry.getKey();
                int[] at = cards.keyPositions().get(cardId);
                dev.aicost.model.RateCard card = compared.stream().filter(c -> c.id().equals(cardId)).findFirst()
                        .orElse(null);
                if (card == null) {
                    java.util.List<String> close = Suggest.closest(cardId, ids, 1);
                    problems.add(new Problem(file, at[0], at[1], "maps." + cardId, "is not a card being compared ("
                            + String.join(", ", ids) + ")" + (close.isEmpty() ? "" : "; did you mean '" + close.get(0)
                            + "'?")));
                    continue;
                }
                YNode.YMap models = (YNode.YMap) cards.get(cardId);
                for (Map.Entry<String, String> mapping : entry.getValue().entrySet()) {
                    if (card.find(mapping.getValue()).isEmpty()) {
                        YNode value = models.get(mapping.getKey());
                        problems.add(new Problem(file, value.line(), value.column(), "maps." + cardId + "."
                                + mapping.getKey(), Suggest.unknownModel(mapping.getValue(), card)));
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new InputException(problems);
            }
        }
    }

    /** Reads the map file; {@link ModelMap#check} then checks it against the compared cards. */
    public static ModelMap read(Path path) {
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
        return new ModelMap(file, maps, cards);
    }
}
