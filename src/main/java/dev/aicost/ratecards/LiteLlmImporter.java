package dev.aicost.ratecards;

import dev.aicost.model.Mode;
import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.model.TokenPrices;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a rate card from LiteLLM's {@code model_prices_and_context_window.json} (USD per token):
 * base, {@code _batches}, {@code _priority} and {@code _flex} prices, cache read and write, and
 * {@code _above_200k_tokens} (or another threshold) as long-context rates. Only the entries of one
 * provider are taken; inference-profile keys ({@code us.}, {@code global.}, ...) are taken with
 * {@code --prefix} and become aliases of the bare model id.
 */
public final class LiteLlmImporter {
    static final List<String> PROFILE_PREFIXES = List.of("us-gov.", "us.", "eu.", "apac.", "au.", "jp.", "ca.",
            "global.");
    /** The deployment type of {@code azure/MODEL} keys, which name none. */
    public static final String DEFAULT_DEPLOYMENT = "default";
    private static final Set<String> CHAT_MODES = Set.of("chat", "completion", "responses");

    private LiteLlmImporter() {
    }

    /**
     * @param provider bedrock, azure, vertex, anthropic, openai, a literal litellm_provider, or all
     * @param prefix an inference-profile prefix such as {@code us.}, or null for bare keys
     * @param region with bedrock: also take {@code bedrock/REGION/model} keys, or null
     */
    public static ImportResult importMap(Map<String, Object> map, String provider, String prefix, String region,
            CardHeader header) {
        return importMap(map, provider, prefix, region, null, header);
    }

    /**
     * As above; {@code deployment} picks one Azure deployment type ({@code global-standard},
     * {@code global}, {@code eu}, {@code us}, or {@code default} for {@code azure/MODEL} keys without
     * one), whose models get bare ids. Without it every type is kept, as its own model: the
     * default type under the bare id and the others as {@code TYPE/MODEL}, never one for another.
     */
    public static ImportResult importMap(Map<String, Object> map, String provider, String prefix, String region,
            String deployment, CardHeader header) {
        Map<String, ModelPrice> models = new LinkedHashMap<>();
        Map<String, Integer> deploymentTypes = new java.util.TreeMap<>();
        List<ImportResult.Skipped> skipped = new ArrayList<>();
        for (Map.Entry<String, Object> entry : entries(map).entrySet()) {
            String key = entry.getKey();
            if (!(entry.getValue() instanceof Map<?, ?> raw)) {
                continue; // sample_spec-like or malformed entries carry no prices
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) raw;
            if (key.equals("sample_spec")) {
                continue;
            }
            String litellmProvider = String.valueOf(fields.get("litellm_provider"));
            if (!providerMatches(provider, litellmProvider)) {
                skipped.add(new ImportResult.Skipped(key, "provider " + litellmProvider));
                continue;
            }
            String id = key;
            String deploymentType = null;
            List<String> aliases = new ArrayList<>();
            if (key.startsWith("bedrock/")) {
                String[] parts = key.split("/");
                if (key.contains("-commitment/")) {
                    skipped.add(new ImportResult.Skipped(key, "provisioned throughput priced per second: import it "
                            + "from the AWS Price List"));
                    continue;
                }
                if (parts.length != 3 || region == null || !parts[1].equals(region)) {
                    skipped.add(new ImportResult.Skipped(key, parts.length == 3 ? "regional key for " + parts[1]
                            + (region == null ? " (use --region)" : "") : "routing key, not a price"));
                    continue;
                }
                id = parts[2];
            } else {
                String profile = PROFILE_PREFIXES.stream().filter(key::startsWith).findFirst().orElse(null);
                if (prefix != null) {
                    if (!key.startsWith(prefix)) {
                        skipped.add(new ImportResult.Skipped(key, profile == null ? "bare key (importing " + prefix
                                + " entries)" : "other inference profile"));
                        continue;
                    }
                    id = key.substring(prefix.length());
                    aliases.add(key);
                } else if (profile != null) {
                    skipped.add(new ImportResult.Skipped(key, "inference-profile key (import it with --prefix "
                            + profile + ")"));
                    continue;
                } else if (litellmProvider.startsWith("azure") && !provider.equals("all")) {
                    String[] parts = key.contains("/") ? key.split("/") : new String[] {"", key};
                    // azure_ai (Azure AI Foundry's model catalogue) is another service than Azure OpenAI
                    String service = litellmProvider.equals("azure_ai") ? "ai" : null;
                    String named = String.join("/", java.util.Arrays.asList(parts).subList(1, parts.length - 1));
                    String type = service == null ? (named.isEmpty() ? DEFAULT_DEPLOYMENT : named)
                            : named.isEmpty() ? service : service + "/" + named;
                    if (deployment != null && !deployment.equals(type)) {
                        skipped.add(new ImportResult.Skipped(key, "deployment type " + type + " (importing "
                                + deployment + ")"));
                        continue;
                    }
                    id = deployment != null || type.equals(DEFAULT_DEPLOYMENT) ? parts[parts.length - 1]
                            : type + "/" + parts[parts.length - 1];
                    if (!id.equals(key)) {
                        aliases.add(key);
                    }
                    deploymentType = type;
                } else if (key.contains("/") && !provider.equals("all")) {
                    id = key.substring(key.lastIndexOf('/') + 1);
                    aliases.add(key);
                }
            }
            Object mode = fields.get("mode");
            if ("embedding".equals(String.valueOf(mode))) {
                BigDecimal input = price(fields, "input_cost_per_token");
                if (input == null) {
                    skipped.add(new ImportResult.Skipped(key, "embedding model without an input price per token"));
                } else if (add(models, new ModelPrice(id, key, aliases, null, new TokenPrices(input, null, null, null),
                        Map.of(), null, null, null, ModelPrice.Kind.EMBEDDING, Map.of(), null), key, skipped)) {
                    count(deploymentTypes, deploymentType);
                }
                continue;
            }
            if (mode != null && !CHAT_MODES.contains(String.valueOf(mode))) {
                skipped.add(new ImportResult.Skipped(key, "mode " + mode + " is not priced per token"
                        + ("image_generation".equals(String.valueOf(mode)) ? " (LiteLLM gives one per-image price "
                                + "without sizes: add the model to a card by hand with kind: image)" : "")));
                continue;
            }
            BigDecimal input = price(fields, "input_cost_per_token");
            BigDecimal output = price(fields, "output_cost_per_token");
            if (input == null || output == null) {
                skipped.add(new ImportResult.Skipped(key, "no input and output price per token"));
                continue;
            }
            TokenPrices standard = new TokenPrices(input, output, price(fields, "cache_creation_input_token_cost"),
                    price(fields, "cache_read_input_token_cost"),
                    price(fields, "cache_creation_input_token_cost_above_1hr"));
            Map<Mode, TokenPrices> modes = new EnumMap<>(Mode.class);
            mode(fields, "_batches", Mode.BATCH, modes);
            mode(fields, "_priority", Mode.PRIORITY, modes);
            mode(fields, "_flex", Mode.FLEX, modes);
            if (add(models, ModelPrice.chat(id, key, aliases, null, standard, modes, longContext(fields), null, null),
                    key, skipped)) {
                count(deploymentTypes, deploymentType);
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add("LiteLLM has no capability tiers: add 'tier:' to models you want 'route' to consider");
        if (deployment == null && deploymentTypes.size() > 1) {
            notes.add("Azure deployment types kept apart (models per type: " + String.join(", ", deploymentTypes
                    .entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()) + "): the "
                    + DEFAULT_DEPLOYMENT + " type (azure/MODEL keys) has bare ids, the others TYPE/MODEL; use "
                    + "--deployment TYPE for a card of one type (ai is Azure AI Foundry's azure_ai keys)");
        }
        RateCard card = new RateCard(header.id(), header.provider(), header.region(), header.currency(),
                header.effective(), header.checked(), header.source(), RateCard.ModeDefaults.NONE, models,
                RateCard.Services.NONE);
        return new ImportResult(card, skipped, notes);
    }

    /**
     * Adds {@code model} under its id. A second key for an id already taken with the same prices
     * ({@code computer-use-preview} and {@code azure/computer-use-preview}) becomes an alias of it;
     * with other prices it is reported and left out, never silently swapped in.
     */
    private static boolean add(Map<String, ModelPrice> models, ModelPrice model, String key,
            List<ImportResult.Skipped> skipped) {
        ModelPrice first = models.get(model.id());
        if (first == null) {
            models.put(model.id(), model);
            return true;
        }
        if (first.standard().equals(model.standard()) && first.modes().equals(model.modes())
                && java.util.Objects.equals(first.longContext(), model.longContext()) && first.kind() == model.kind()) {
            List<String> aliases = new ArrayList<>(first.aliases());
            if (!aliases.contains(key) && !key.equals(first.id())) {
                aliases.add(key);
            }
            models.put(first.id(), new ModelPrice(first.id(), first.name(), aliases, first.tier(), first.standard(),
                    first.modes(), first.longContext(), first.training(), first.provisioned(), first.kind(),
                    first.images(), first.custom()));
            return false;
        }
        skipped.add(new ImportResult.Skipped(key, "a second entry for " + model.id() + " with other prices (the "
                + "first, " + first.name() + ", is kept)"));
        return false;
    }

    private static void count(Map<String, Integer> deploymentTypes, String type) {
        if (type != null) {
            deploymentTypes.merge(type, 1, Integer::sum);
        }
    }

    /** The price entries: the file itself, or its "entries" object when an extract wraps them with "_meta". */
    @SuppressWarnings("unchecked")
    static Map<String, Object> entries(Map<String, Object> map) {
        if (map.get("entries") instanceof Map<?, ?> inner && map.containsKey("_meta")) {
            return (Map<String, Object>) inner;
        }
        return map;
    }

    static boolean providerMatches(String wanted, String litellmProvider) {
        return switch (wanted) {
            case "all" -> true;
            case "bedrock" -> litellmProvider.equals("bedrock") || litellmProvider.equals("bedrock_converse");
            case "azure" -> litellmProvider.equals("azure") || litellmProvider.equals("azure_ai");
            case "vertex" -> litellmProvider.startsWith("vertex_ai");
            default -> litellmProvider.equals(wanted);
        };
    }

    private static void mode(Map<String, Object> fields, String suffix, Mode mode, Map<Mode, TokenPrices> modes) {
        TokenPrices prices = new TokenPrices(price(fields, "input_cost_per_token" + suffix),
                price(fields, "output_cost_per_token" + suffix),
                price(fields, "cache_creation_input_token_cost" + suffix),
                price(fields, "cache_read_input_token_cost" + suffix));
        if (prices.input() != null || prices.output() != null || prices.cacheRead() != null
                || prices.cacheWrite() != null) {
            modes.put(mode, prices);
        }
    }

    /** The lowest {@code _above_Nk_tokens} threshold with input and output prices, as long-context rates. */
    private static ModelPrice.LongContext longContext(Map<String, Object> fields) {
        for (int thousands : new int[] {128, 200, 256, 272, 512}) {
            String suffix = "_above_" + thousands + "k_tokens";
            BigDecimal input = price(fields, "input_cost_per_token" + suffix);
            BigDecimal output = price(fields, "output_cost_per_token" + suffix);
            if (input != null && output != null) {
                return new ModelPrice.LongContext(thousands * 1000L, new TokenPrices(input, output,
                        price(fields, "cache_creation_input_token_cost" + suffix),
                        price(fields, "cache_read_input_token_cost" + suffix)));
            }
        }
        return null;
    }

    private static BigDecimal price(Map<String, Object> fields, String key) {
        return fields.get(key) instanceof BigDecimal value ? Prices.perMillionFromPerToken(value) : null;
    }
}
