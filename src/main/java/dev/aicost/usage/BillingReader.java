package dev.aicost.usage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.aicost.model.Mode;
import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.model.TokenPrices;
import dev.aicost.pricing.ModeRates;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads Bedrock lines of AWS billing exports: CUR 2.0 CSV ({@code line_item_usage_type}, ...),
 * legacy CUR CSV ({@code lineItem/UsageType}, ...) and FOCUS CSV ({@code x_UsageType},
 * {@code ConsumedQuantity}, {@code BilledCost}, ...). Token lines are classified by usage type
 * ({@code *-input-tokens}, {@code *_OutputTokenCount}, cache read and write, batch, priority, flex,
 * long context); the model comes from the usage type (first-party models) or the product name
 * (Marketplace models such as "Claude Sonnet 4.5 (Amazon Bedrock Edition)"). Quantities are
 * scaled by the pricing (or consumed) unit when it names 1K or 1M tokens.
 */
public final class BillingReader {
    /** The export formats. */
    public enum Kind {
        CUR, FOCUS;

        public String label() {
            return this == CUR ? "aws-cur" : "focus";
        }
    }

    private static final int INPUT = 0;
    private static final int CACHE_READ = 1;
    private static final int CACHE_WRITE = 2;
    private static final int OUTPUT = 3;
    private static final JsonFactory JSON = new JsonFactory();

    private final Kind kind;
    private final Map<String, Integer> columns;
    private final String tagKey;

    private BillingReader(Kind kind, List<String> header, String tagKey) {
        this.kind = kind;
        this.columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip(), i);
        }
        this.tagKey = tagKey;
    }

    /** CUR or FOCUS by the header's columns, or null for neither. */
    public static Kind detect(List<String> header) {
        List<String> names = header.stream().map(String::strip).toList();
        if (names.contains("line_item_usage_type") || names.contains("lineItem/UsageType")) {
            return Kind.CUR;
        }
        if (names.contains("x_UsageType") || names.contains("ChargePeriodStart")) {
            return Kind.FOCUS;
        }
        return null;
    }

    /** Sums per (model key, tag, mode, long context): tokens by class and billed cost. */
    public static final class Sums {
        public final long[] tokens = new long[4];
        public BigDecimal billed = BigDecimal.ZERO;
    }

    public record Key(String model, String tag, Mode mode, boolean longContext) {
    }

    /** What was read from one export. */
    public record Read(Kind kind, long rows, long tokenRows, long malformed, List<UsageAggregator.Malformed> samples,
            Map<Key, Sums> sums, TreeMap<Long, Long> hourly, BigDecimal otherBedrockCost, boolean dailyOnly) {
    }

    /** Reads the export behind {@code reader} (its header already consumed into {@code header}). */
    public static Read read(String file, BufferedReader reader, List<String> header, String tagKey, boolean strict)
            throws IOException {
        Kind kind = detect(header);
        BillingReader billing = new BillingReader(kind, header, tagKey);
        CsvRows rows = new CsvRows(reader);
        Map<Key, Sums> sums = new LinkedHashMap<>();
        TreeMap<Long, Long> hourly = new TreeMap<>();
        List<UsageAggregator.Malformed> samples = new ArrayList<>();
        long count = 0;
        long tokenRows = 0;
        long malformed = 0;
        boolean dailyOnly = true;
        BigDecimal other = BigDecimal.ZERO;
        List<String> fields;
        while ((fields = rows.next()) != null) {
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            count++;
            long line = rows.line() + 1;
            String problem = null;
            try {
                if (fields.size() != header.size()) {
                    problem = "expected " + header.size() + " fields, got " + fields.size();
                } else {
                    int result = billing.row(fields, sums, hourly);
                    if (result == 1) {
                        tokenRows++;
                    } else if (result < 0) {
                        other = other.add(billing.decimal(fields, billing.costColumn()));
                    }
                    if (result == 1 && billing.hourOf(fields) % 24 != 0) {
                        dailyOnly = false;
                    }
                }
            } catch (NumberFormatException | java.time.DateTimeException | IOException e) {
                problem = e.getMessage();
            }
            if (problem != null) {
                if (strict) {
                    throw new InvocationLogReader.MalformedRecordException(new UsageAggregator.Malformed(file, line,
                            problem));
                }
                malformed++;
                if (samples.size() < UsageAggregator.SAMPLES) {
                    samples.add(new UsageAggregator.Malformed(file, line, problem));
                }
            }
        }
        return new Read(kind, count, tokenRows, malformed, samples, sums, hourly, other, dailyOnly && tokenRows > 0);
    }

    /** 1 for a token line (added), -1 for another Bedrock line (its cost is "other"), 0 for anything else. */
    private int row(List<String> fields, Map<Key, Sums> sums, TreeMap<Long, Long> hourly) throws IOException {
        String usageType = value(fields, kind == Kind.CUR ? "line_item_usage_type" : "x_UsageType",
                "lineItem/UsageType");
        String lower = usageType.toLowerCase(Locale.ROOT);
        int tokenClass = tokenClass(lower);
        boolean bedrock = isBedrock(fields, lower);
        if (tokenClass < 0 || !bedrock) {
            return bedrock && tokenClass < 0 ? -1 : 0;
        }
        String product = productName(fields);
        String model = modelKey(usageType, product);
        if (model.isEmpty()) {
            throw new NumberFormatException("cannot tell the model of usage type '" + usageType + "'");
        }
        long tokens = decimal(fields, kind == Kind.CUR ? "line_item_usage_amount" : "ConsumedQuantity",
                "lineItem/UsageAmount").multiply(unitScale(value(fields, kind == Kind.CUR ? "pricing_unit"
                        : "ConsumedUnit", "pricing/unit"))).setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
        BigDecimal billed = decimal(fields, costColumn());
        Mode mode = lower.contains("batch") ? Mode.BATCH : lower.contains("priority") ? Mode.PRIORITY
                : lower.contains("flex") ? Mode.FLEX : Mode.ON_DEMAND;
        boolean longContext = lower.contains("lctx") || lower.contains("long-ctx") || lower.contains("long_ctx");
        Sums s = sums.computeIfAbsent(new Key(model, tagKey == null ? null : tag(fields), mode, longContext),
                k -> new Sums());
        s.tokens[tokenClass] += tokens;
        s.billed = s.billed.add(billed);
        hourly.merge(hourOf(fields), tokens, Long::sum);
        return 1;
    }

    private String costColumn() {
        return kind == Kind.CUR ? (columns.containsKey("line_item_unblended_cost") ? "line_item_unblended_cost"
                : "lineItem/UnblendedCost") : "BilledCost";
    }

    long hourOf(List<String> fields) {
        String start = value(fields, kind == Kind.CUR ? "line_item_usage_start_date" : "ChargePeriodStart",
                "lineItem/UsageStartDate");
        long hour = InvocationLogReader.epochHour(start.length() == 10 ? start + "T00:00:00Z" : start);
        if (hour == Long.MIN_VALUE) {
            throw new java.time.DateTimeException("usage start '" + start + "' is not an ISO-8601 time");
        }
        return hour;
    }

    static int tokenClass(String usageType) {
        if (usageType.contains("cache-read") || usageType.contains("cacheread") || usageType.contains("cache_read")) {
            return CACHE_READ;
        }
        if (usageType.contains("cache-write") || usageType.contains("cachewrite") || usageType.contains("cache_write")) {
            return CACHE_WRITE;
        }
        if (usageType.contains("input-token") || usageType.contains("inputtokencount") || usageType.contains("input_token")
                || usageType.contains("batchinputtokens")) {
            return INPUT;
        }
        if (usageType.contains("output-token") || usageType.contains("outputtokencount")
                || usageType.contains("output_token") || usageType.contains("batchoutputtokens")) {
            return OUTPUT;
        }
        return -1;
    }

    private boolean isBedrock(List<String> fields, String usageType) {
        String code = (value(fields, kind == Kind.CUR ? "line_item_product_code" : "x_ServiceCode",
                "lineItem/ProductCode") + " " + productName(fields) + " " + value(fields, "ServiceName", null))
                .toLowerCase(Locale.ROOT);
        return code.contains("bedrock") || usageType.contains("-mp:");
    }

    /**
     * The model named by a usage type such as {@code USE1-NovaPro-input-tokens} ("NovaPro"), or for
     * Marketplace lines ({@code USE1-MP:USE1_InputTokenCount-Units}) the product name without
     * " (Amazon Bedrock Edition)".
     */
    static String modelKey(String usageType, String productName) {
        String product = productName.replace("(Amazon Bedrock Edition)", "").strip();
        if (usageType.contains("MP:") || usageType.contains("mp:")) {
            return product;
        }
        int dash = usageType.indexOf('-');
        String rest = dash >= 0 ? usageType.substring(dash + 1) : usageType;
        String lower = rest.toLowerCase(Locale.ROOT);
        int earliest = -1;
        for (String marker : List.of("-input-token", "-output-token", "-cache-read", "-cache-write", "-mantle-")) {
            int at = lower.indexOf(marker);
            if (at > 0 && (earliest < 0 || at < earliest)) {
                earliest = at;
            }
        }
        return earliest > 0 ? rest.substring(0, earliest) : product;
    }

    /** The card model a model key stands for: equal names first, then the shortest name containing it. */
    public static ModelPrice match(RateCard card, String key) {
        String wanted = normalize(key);
        if (wanted.isEmpty()) {
            return null;
        }
        ModelPrice direct = card.find(key).orElse(null);
        if (direct != null) {
            return direct;
        }
        return card.models().values().stream()
                .filter(m -> normalize(m.name()).equals(wanted) || normalize(m.name()).contains(wanted)
                        || normalize(m.id()).contains(wanted))
                .min(Comparator.comparing((ModelPrice m) -> !normalize(m.name()).equals(wanted))
                        .thenComparingInt(m -> m.name().length()))
                .orElse(null);
    }

    static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replace(".0", "").replaceAll("[^a-z0-9]", "");
    }

    /** 1000 for a unit of 1K tokens, 1,000,000 for 1M tokens, else 1. */
    static BigDecimal unitScale(String unit) {
        String u = unit.toLowerCase(Locale.ROOT).replace(" ", "");
        if (u.contains("1ktokens") || u.contains("1,000tokens") || u.contains("thousand")) {
            return BigDecimal.valueOf(1000);
        }
        if (u.contains("1mtokens") || u.contains("million")) {
            return BigDecimal.valueOf(1_000_000);
        }
        return BigDecimal.ONE;
    }

    private String productName(List<String> fields) {
        for (String column : kind == Kind.CUR ? List.of("product_product_name", "product/productName")
                : List.of("x_ProductName", "ChargeDescription", "ServiceName")) {
            String value = value(fields, column, null);
            if (!value.isEmpty()) {
                return value;
            }
        }
        String map = value(fields, "product", null);
        return map.startsWith("{") ? jsonValue(map, "product_name") : "";
    }

    private String tag(List<String> fields) throws IOException {
        String value;
        if (kind == Kind.FOCUS) {
            value = jsonValue(value(fields, "Tags", null), tagKey);
        } else if (columns.containsKey("resourceTags/user:" + tagKey)) {
            value = value(fields, "resourceTags/user:" + tagKey, null);
        } else {
            String tags = value(fields, "resource_tags", null);
            value = jsonValue(tags, "user_" + tagKey);
            if (value.isEmpty()) {
                value = jsonValue(tags, tagKey);
            }
        }
        return value.isEmpty() ? "(untagged)" : value;
    }

    private static String jsonValue(String json, String key) {
        if (json == null || !json.startsWith("{")) {
            return "";
        }
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "";
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if (name.equals(key) && token.isScalarValue()) {
                    return parser.getText();
                }
                parser.skipChildren();
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }

    private String value(List<String> fields, String column, String alternative) {
        Integer index = columns.get(column);
        if (index == null && alternative != null) {
            index = columns.get(alternative);
        }
        return index == null ? "" : fields.get(index).strip();
    }

    BigDecimal decimal(List<String> fields, String column) {
        return decimal(fields, column, null);
    }

    private BigDecimal decimal(List<String> fields, String column, String alternative) {
        String text = value(fields, column, alternative);
        if (text.isEmpty()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new NumberFormatException(column + ": not a number: '" + text + "'");
        }
    }

    /** The rows of the report: per card model (and tag), tokens by class, priced and billed cost. */
    public static UsageAnalysis.Result analyse(Read read, RateCard card) {
        Map<String, RowState> byModel = new LinkedHashMap<>();
        Map<String, RowState> byGroup = new LinkedHashMap<>();
        for (Map.Entry<Key, Sums> entry : read.sums().entrySet()) {
            Key key = entry.getKey();
            ModelPrice model = match(card, key.model());
            String name = model == null ? key.model() : model.id();
            byModel.computeIfAbsent(name, k -> new RowState(name, null, model)).add(key, entry.getValue(), card);
            if (key.tag() != null) {
                byGroup.computeIfAbsent(key.tag() + "\u0000" + name, k -> new RowState(name, key.tag(), model))
                        .add(key, entry.getValue(), card);
            }
        }
        List<UsageAnalysis.Row> models = byModel.values().stream().map(RowState::row).toList();
        List<UsageAnalysis.Row> groups = byGroup.values().stream().map(RowState::row)
                .sorted(Comparator.comparing(UsageAnalysis.Row::tag).thenComparing(UsageAnalysis.Row::model)).toList();
        BigDecimal total = BigDecimal.ZERO;
        for (UsageAnalysis.Row row : models) {
            if (row.cost() != null) {
                total = total.add(row.cost());
            }
        }
        return new UsageAnalysis.Result(read.rows(), read.malformed(), read.samples(), models, groups,
                UsageAnalysis.hourly(read.hourly()), total);
    }

    /** One report row being summed: tokens by class, the priced and the billed cost. */
    private static final class RowState {
        private final String name;
        private final String tag;
        private final ModelPrice model;
        private final List<String> sources = new ArrayList<>();
        private final long[] tokens = new long[4];
        private BigDecimal priced = BigDecimal.ZERO;
        private BigDecimal billed = BigDecimal.ZERO;
        private String unpriced;

        RowState(String name, String tag, ModelPrice model) {
            this.name = name;
            this.tag = tag;
            this.model = model;
        }

        void add(Key source, Sums sums, RateCard card) {
            if (!sources.contains(source.model())) {
                sources.add(source.model());
            }
            for (int i = 0; i < 4; i++) {
                tokens[i] += sums.tokens[i];
            }
            billed = billed.add(sums.billed);
            if (model == null) {
                unpriced = "not on " + card.id();
                return;
            }
            TokenPrices rates = ModeRates.resolve(model, card.defaults(), source.mode(),
                    source.longContext() && model.longContext() != null);
            BigDecimal[] prices = {rates.input(), rates.cacheRead(), rates.cacheWrite(), rates.output()};
            for (int i = 0; i < 4; i++) {
                if (sums.tokens[i] == 0) {
                    continue;
                }
                if (prices[i] == null) {
                    unpriced = model.id() + " has no " + source.mode().key() + " price for these tokens on " + card.id();
                    return;
                }
                priced = priced.add(BigDecimal.valueOf(sums.tokens[i]).multiply(prices[i]).movePointLeft(6));
            }
        }

        UsageAnalysis.Row row() {
            return new UsageAnalysis.Row(name, model != null, List.copyOf(sources), tag, 0, tokens[INPUT],
                    tokens[CACHE_READ], tokens[CACHE_WRITE], tokens[OUTPUT], 0, unpriced == null ? priced : null,
                    unpriced, 0, 0, 0, 0, billed);
        }
    }
}
