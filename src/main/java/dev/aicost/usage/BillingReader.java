package dev.aicost.usage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.aicost.model.Mode;
import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.model.TokenPrices;
import dev.aicost.pricing.ModeRates;
import dev.aicost.input.CsvInput;
import dev.aicost.input.InputException;
import dev.aicost.input.Problem;
import dev.aicost.input.Suggest;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the AI lines of billing exports: AWS CUR 2.0 ({@code line_item_usage_type}, ...), legacy
 * CUR ({@code lineItem/UsageType}, ...) and FOCUS 1.0 to 1.3 ({@code ChargePeriodStart},
 * {@code BilledCost}, ...), whatever they were stored as (see {@link BillingRows}).
 *
 * <p>A Bedrock token line is recognised by its usage type ({@code *-input-tokens},
 * {@code *_OutputTokenCount}, cache read and write, batch, priority, flex, long context), which
 * CUR holds in {@code line_item_usage_type} and FOCUS in {@code x_UsageType} (AWS, FOCUS 1.0) or
 * {@code SkuMeter} (AWS, FOCUS 1.2+); failing those, by a token {@code ConsumedUnit} and what
 * {@code ChargeDescription} or {@code SkuPriceDetails} say the tokens are. The model comes from the
 * usage type (first-party models) or the product name (Marketplace models such as "Claude Sonnet
 * 4.5 (Amazon Bedrock Edition)"). Quantities are scaled by the unit when it names 1K or 1M
 * tokens. Other AI lines (Bedrock lines that are not tokens; Azure OpenAI, Vertex AI and other AI
 * services in a FOCUS file) are summed by service and meter with their billed cost.
 */
public final class BillingReader {
    /** The export formats. */
    public enum Kind {
        CUR, FOCUS;

        public String label() {
            return this == CUR ? "aws-cur" : "focus";
        }
    }

    /** What identifies each export, for messages. */
    public static final String IDENTIFYING = "AWS CUR 2.0 (line_item_usage_type, line_item_usage_amount, "
            + "line_item_unblended_cost, line_item_usage_start_date), legacy CUR (lineItem/UsageType, "
            + "lineItem/UsageAmount, lineItem/UnblendedCost, lineItem/UsageStartDate) or FOCUS 1.0-1.3 "
            + "(ChargePeriodStart, BilledCost, ConsumedQuantity or PricingQuantity)";
    private static final List<String> CUR2_REQUIRED = List.of("line_item_usage_type", "line_item_usage_amount",
            "line_item_unblended_cost", "line_item_usage_start_date");
    private static final List<String> LEGACY_REQUIRED = List.of("lineItem/UsageType", "lineItem/UsageAmount",
            "lineItem/UnblendedCost", "lineItem/UsageStartDate");
    private static final List<String> FOCUS_REQUIRED = List.of("ChargePeriodStart", "BilledCost");

    /** The columns the reader looks at (a Parquet reader fetches only these). */
    public static final List<String> COLUMNS = List.of(
            "line_item_usage_type", "line_item_usage_amount", "line_item_unblended_cost", "line_item_usage_start_date",
            "line_item_product_code", "line_item_line_item_type", "pricing_unit", "product", "product_product_name",
            "product_servicecode", "product_region_code", "resource_tags",
            "lineItem/UsageType", "lineItem/UsageAmount", "lineItem/UnblendedCost", "lineItem/UsageStartDate",
            "lineItem/ProductCode", "lineItem/LineItemType", "pricing/unit", "product/productName",
            "product/servicecode",
            "ChargePeriodStart", "BilledCost", "ConsumedQuantity", "ConsumedUnit", "PricingQuantity", "PricingUnit",
            "ServiceName", "ServiceCategory", "ProviderName", "PublisherName", "ServiceProviderName", "HostProviderName", "ChargeCategory", "ChargeClass", "ChargeDescription",
            "SkuMeter", "SkuPriceDetails", "RegionId", "Tags", "x_UsageType", "x_ServiceCode", "x_ProductName");

    static final int INPUT = 0;
    static final int CACHE_READ = 1;
    static final int CACHE_WRITE = 2;
    static final int OUTPUT = 3;
    private static final int MAX_OTHER_LINES = 10_000;
    private static final JsonFactory JSON = new JsonFactory();

    private final String tagKey;
    private final boolean strict;
    private final Map<Key, Sums> sums = new LinkedHashMap<>();
    private final Map<OtherKey, OtherSums> other = new LinkedHashMap<>();
    private final Map<OtherKey, OtherSums> credits = new LinkedHashMap<>();
    private final TreeMap<Long, Long> hourly = new TreeMap<>();
    private final List<UsageAggregator.Malformed> samples = new ArrayList<>();
    private Kind kind;
    private long rows;
    private long tokenRows;
    private long malformed;
    private boolean dailyOnly = true;
    private BigDecimal billedAll = BigDecimal.ZERO;
    private BigDecimal otherBedrockCost = BigDecimal.ZERO;

    /** Column indexes of one export. */
    private final class Columns {
        final int usageType;
        final int skuMeter;
        final int amount;
        final int unit;
        final int pricingQuantity;
        final int pricingUnit;
        final int cost;
        final int start;
        final int productCode;
        final int serviceName;
        final int serviceCategory;
        final int provider;
        final int publisher;
        final int description;
        final int skuDetails;
        final int productName;
        final int productMap;
        final int tags;
        final int tagColumn;
        final int chargeCategory;
        final int chargeClass;
        final List<String> names;

        Columns(Kind kind, List<String> header) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                index.putIfAbsent(header.get(i).strip(), i);
            }
            // exports differ in case (legacy CUR writes product/ProductName): exact names first, then any case
            for (int i = 0; i < header.size(); i++) {
                index.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
            }
            names = header;
            boolean cur = kind == Kind.CUR;
            usageType = find(index, cur ? "line_item_usage_type" : "x_UsageType", "lineItem/UsageType");
            skuMeter = cur ? -1 : find(index, "SkuMeter", null);
            amount = find(index, cur ? "line_item_usage_amount" : "ConsumedQuantity", "lineItem/UsageAmount");
            unit = find(index, cur ? "pricing_unit" : "ConsumedUnit", "pricing/unit");
            pricingQuantity = cur ? -1 : find(index, "PricingQuantity", null);
            pricingUnit = cur ? -1 : find(index, "PricingUnit", null);
            cost = find(index, cur ? "line_item_unblended_cost" : "BilledCost", "lineItem/UnblendedCost");
            start = find(index, cur ? "line_item_usage_start_date" : "ChargePeriodStart", "lineItem/UsageStartDate");
            productCode = find(index, cur ? "line_item_product_code" : "x_ServiceCode", "lineItem/ProductCode");
            serviceName = find(index, cur ? "product_servicecode" : "ServiceName", "product/servicecode");
            serviceCategory = cur ? -1 : find(index, "ServiceCategory", null);
            // FOCUS 1.3 names the provider ServiceProviderName (ProviderName is deprecated there)
            provider = cur ? -1 : find(index, "ServiceProviderName", "ProviderName");
            publisher = cur ? -1 : find(index, "PublisherName", "HostProviderName");
            description = cur ? -1 : find(index, "ChargeDescription", null);
            skuDetails = cur ? -1 : find(index, "SkuPriceDetails", null);
            productName = find(index, cur ? "product_product_name" : "x_ProductName", "product/productName");
            productMap = cur ? find(index, "product", null) : -1;
            tags = find(index, cur ? "resource_tags" : "Tags", null);
            tagColumn = tagKey == null || !cur ? -1 : find(index, "resourceTags/user:" + tagKey, null);
            chargeCategory = find(index, cur ? "line_item_line_item_type" : "ChargeCategory", "lineItem/LineItemType");
            chargeClass = cur ? -1 : find(index, "ChargeClass", null);
        }

        private int find(Map<String, Integer> index, String name, String alternative) {
            Integer at = index.get(name);
            if (at == null && alternative != null) {
                at = index.get(alternative);
            }
            if (at == null) {
                at = index.get(name.toLowerCase(Locale.ROOT));
            }
            if (at == null && alternative != null) {
                at = index.get(alternative.toLowerCase(Locale.ROOT));
            }
            return at == null ? -1 : at;
        }
    }

    /**
     * @param tagKey the tag to group by (CUR {@code resource_tags} / {@code resourceTags/user:KEY},
     *               FOCUS {@code Tags}), or null
     * @param strict stop with bad input at the first malformed row
     */
    public BillingReader(String tagKey, boolean strict) {
        this.tagKey = tagKey;
        this.strict = strict;
    }

    /** CUR or FOCUS by the header's columns, or null for neither. */
    public static Kind detect(List<String> header) {
        List<String> names = canonical(header);
        if (names.contains("line_item_usage_type") || names.contains("lineItem/UsageType")) {
            return Kind.CUR;
        }
        if (names.contains("x_UsageType") || names.contains("ChargePeriodStart") || names.contains("BilledCost")) {
            return Kind.FOCUS;
        }
        return null;
    }

    /** Bad input naming the columns an export of {@code kind} needs and lacks. */
    public static void requireColumns(String file, Kind kind, List<String> header) {
        List<String> names = canonical(header);
        List<String> missing = new ArrayList<>();
        String label;
        if (kind == Kind.CUR) {
            boolean legacy = names.contains("lineItem/UsageType");
            label = legacy ? "a legacy CUR export" : "a CUR 2.0 export";
            for (String column : legacy ? LEGACY_REQUIRED : CUR2_REQUIRED) {
                if (!names.contains(column)) {
                    missing.add(column);
                }
            }
        } else {
            label = "a FOCUS export";
            for (String column : FOCUS_REQUIRED) {
                if (!names.contains(column)) {
                    missing.add(column);
                }
            }
            if (!names.contains("ConsumedQuantity") && !names.contains("PricingQuantity")) {
                missing.add("ConsumedQuantity (or PricingQuantity)");
            }
        }
        if (!missing.isEmpty()) {
            String hint = closestColumns(header);
            throw new InputException(new Problem(file, 1, 1, null, "looks like " + label + " but has no "
                    + String.join(", ", missing) + " column" + (missing.size() > 1 ? "s" : "")
                    + (hint.isEmpty() ? "" : "; " + hint)));
        }
    }

    /** The header's names as the identifying columns spell them, whatever their case in the file. */
    private static List<String> canonical(List<String> header) {
        List<String> known = new ArrayList<>(CUR2_REQUIRED);
        known.addAll(LEGACY_REQUIRED);
        known.addAll(FOCUS_REQUIRED);
        known.addAll(List.of("x_UsageType", "ConsumedQuantity", "PricingQuantity"));
        List<String> names = new ArrayList<>();
        for (String name : header) {
            String stripped = name.strip();
            names.add(known.stream().filter(k -> k.equalsIgnoreCase(stripped)).findFirst().orElse(stripped));
        }
        return names;
    }

    /** "did you mean" for header names that are near an identifying column; "" when none is. */
    public static String closestColumns(List<String> header) {
        List<String> known = new ArrayList<>(CUR2_REQUIRED);
        known.addAll(LEGACY_REQUIRED);
        known.addAll(List.of("ChargePeriodStart", "BilledCost", "ConsumedQuantity", "PricingQuantity"));
        List<String> hints = new ArrayList<>();
        for (String name : header) {
            String column = name.strip();
            if (known.contains(column) || column.length() < 6) {
                continue;
            }
            for (String candidate : Suggest.closest(column, known, 1)) {
                if (Suggest.distance(column.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT)) <= 2) {
                    hints.add("'" + column + "' is not '" + candidate + "'");
                }
            }
        }
        return hints.isEmpty() ? "" : "did you misspell a column? " + String.join(", ", hints);
    }

    /** Sums per (model key, tag, mode, long context): tokens by class and billed cost. */
    public static final class Sums {
        public final long[] tokens = new long[4];
        public BigDecimal billed = BigDecimal.ZERO;
    }

    /** Token lines summed by model, tag, mode, context band and UTC day (days since 1970-01-01). */
    public record Key(String model, String tag, Mode mode, boolean longContext, long day) {
        // equals and hashCode written out: see UsageAggregator.GroupKey
        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && day == k.day && longContext == k.longContext && mode == k.mode
                    && java.util.Objects.equals(model, k.model) && java.util.Objects.equals(tag, k.tag);
        }

        @Override
        public int hashCode() {
            return (((java.util.Objects.hashCode(model) * 31 + java.util.Objects.hashCode(tag)) * 31
                    + java.util.Objects.hashCode(mode)) * 31 + Boolean.hashCode(longContext)) * 31 + Long.hashCode(day);
        }
    }

    /** An AI line that is not Bedrock tokens: who bills it, for what service and meter, in what unit. */
    public record OtherKey(String provider, String service, String meter, String unit) {
        // equals and hashCode written out: see UsageAggregator.GroupKey
        @Override
        public boolean equals(Object other) {
            return other instanceof OtherKey k && java.util.Objects.equals(provider, k.provider)
                    && java.util.Objects.equals(service, k.service) && java.util.Objects.equals(meter, k.meter)
                    && java.util.Objects.equals(unit, k.unit);
        }

        @Override
        public int hashCode() {
            return ((java.util.Objects.hashCode(provider) * 31 + java.util.Objects.hashCode(service)) * 31
                    + java.util.Objects.hashCode(meter)) * 31 + java.util.Objects.hashCode(unit);
        }
    }

    /** Rows, quantity and billed cost of one {@link OtherKey}. */
    public static final class OtherSums {
        public long rows;
        public BigDecimal quantity = BigDecimal.ZERO;
        public BigDecimal billed = BigDecimal.ZERO;
    }

    /** What was read from the exports. */
    public record Read(Kind kind, long rows, long tokenRows, long malformed, List<UsageAggregator.Malformed> samples,
            Map<Key, Sums> sums, TreeMap<Long, Long> hourly, BigDecimal otherBedrockCost, boolean dailyOnly,
            BigDecimal billedAll, Map<OtherKey, OtherSums> other, Map<OtherKey, OtherSums> credits) {
    }

    /** Reads every row of one export into the sums; exports of different kinds cannot be mixed. */
    public void read(String file, Kind fileKind, BillingRows input) {
        if (kind != null && kind != fileKind) {
            throw InputException.of(file, "is a " + fileKind.label() + " export; the others are " + kind.label());
        }
        kind = fileKind;
        List<String> header = input.header();
        Columns columns = new Columns(fileKind, header);
        CsvInput.Row row;
        while ((row = input.next()) != null) {
            if (row.blank()) {
                continue;
            }
            long weight = input.weight();
            rows += weight;
            RowProblem problem = row(file, columns, row, weight);
            if (problem != null) {
                if (strict) {
                    throw new InputException(new Problem(file, (int) Math.min(Integer.MAX_VALUE, row.line()),
                            problem.column, problem.field, "malformed row (--strict): " + problem.message));
                }
                malformed += weight;
                if (samples.size() < UsageAggregator.SAMPLES) {
                    samples.add(new UsageAggregator.Malformed(file, row.line(), (problem.field == null ? ""
                            : problem.field + ": ") + problem.message));
                }
            }
        }
    }

    /** A reader with the same settings and nothing read, for a part of an export. */
    BillingReader emptyLike() {
        return new BillingReader(tagKey, strict);
    }

    /**
     * Whether {@link #merge} gives what one reader reading both would: not when their meter or
     * credit lines could add up to {@value #MAX_OTHER_LINES}, past which lines are folded into
     * "(other meters)" in the order the rows were met.
     */
    boolean mergesExactly(BillingReader part) {
        return other.size() + part.other.size() < MAX_OTHER_LINES
                && credits.size() + part.credits.size() < MAX_OTHER_LINES;
    }

    /**
     * Adds what {@code part} read from the rows that follow this reader's, in file order, as if
     * this reader had read them itself: its sums, lines and counts, and its malformed samples
     * after this reader's; only when {@link #mergesExactly}.
     */
    void merge(String file, BillingReader part) {
        if (part.kind == null) {
            return;
        }
        if (kind != null && kind != part.kind) {
            throw InputException.of(file, "is a " + part.kind.label() + " export; the others are " + kind.label());
        }
        kind = part.kind;
        rows += part.rows;
        tokenRows += part.tokenRows;
        malformed += part.malformed;
        for (UsageAggregator.Malformed sample : part.samples) {
            if (samples.size() < UsageAggregator.SAMPLES) {
                samples.add(sample);
            }
        }
        part.sums.forEach((key, s) -> {
            Sums mine = sums.computeIfAbsent(key, k -> new Sums());
            for (int i = 0; i < mine.tokens.length; i++) {
                mine.tokens[i] += s.tokens[i];
            }
            mine.billed = mine.billed.add(s.billed);
        });
        part.hourly.forEach((hour, tokens) -> hourly.merge(hour, tokens, Long::sum));
        mergeLines(other, part.other);
        mergeLines(credits, part.credits);
        dailyOnly &= part.dailyOnly;
        billedAll = billedAll.add(part.billedAll);
        otherBedrockCost = otherBedrockCost.add(part.otherBedrockCost);
    }

    private static void mergeLines(Map<OtherKey, OtherSums> into, Map<OtherKey, OtherSums> from) {
        from.forEach((key, s) -> {
            OtherSums mine = into.computeIfAbsent(key, k -> new OtherSums());
            mine.rows += s.rows;
            mine.quantity = mine.quantity.add(s.quantity);
            mine.billed = mine.billed.add(s.billed);
        });
    }

    /** What the rows add up to. */
    public Read result() {
        return new Read(kind, rows, tokenRows, malformed, List.copyOf(samples), sums, hourly, otherBedrockCost,
                dailyOnly && tokenRows > 0, billedAll, other, credits);
    }

    /** Why a row is malformed: the column (1-based), the field and the message. */
    private record RowProblem(int column, String field, String message) {
    }

    /** A row's value could not be read. */
    private static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;
        final transient RowProblem problem;

        Bad(CsvInput.Row row, int index, String field, String message) {
            super(message, null, false, false);
            this.problem = new RowProblem(row.column(index), field, message);
        }
    }

    /** Adds one row; returns why it is malformed, or null. A malformed row adds nothing anywhere. */
    private RowProblem row(String file, Columns c, CsvInput.Row row, long weight) {
        if (row.size() != c.names.size()) {
            return new RowProblem(1, null, "expected " + c.names.size() + " fields, got " + row.size());
        }
        try {
            BigDecimal billed = decimal(row, c, c.cost);
            String adjustment = adjustment(row, c);
            if (adjustment != null) {
                creditRow(row, c, adjustment, billed, weight);
                billedAll = billedAll.add(billed == null ? BigDecimal.ZERO : billed);
                return null;
            }
            if (billed != null && billed.signum() < 0) {
                throw new Bad(row, c.cost, c.names.get(c.cost), "a negative cost (" + billed.toPlainString() + ") on a "
                        + "usage row; credits, refunds and discounts are rows of their own type ("
                        + (kind == Kind.CUR ? "line_item_line_item_type Credit, Refund, ..." : "ChargeCategory Credit, "
                        + "Adjustment, or ChargeClass Correction") + ")");
            }
            for (int quantity : new int[] {c.amount, c.pricingQuantity}) {
                BigDecimal value = decimal(row, c, quantity);
                if (value != null && value.signum() < 0) {
                    throw new Bad(row, quantity, c.names.get(quantity), "a negative quantity ("
                            + value.toPlainString() + ") on a usage row");
                }
            }
            String usageType = row.get(c.usageType);
            if (usageType.isEmpty()) {
                usageType = row.get(c.skuMeter);
            }
            String lower = usageType.toLowerCase(Locale.ROOT);
            String product = productName(row, c);
            boolean bedrock = isBedrock(row, c, lower, product);
            int tokenClass = tokenClass(lower);
            String unitText = row.get(c.unit).isEmpty() ? row.get(c.pricingUnit) : row.get(c.unit);
            if (tokenClass < 0 && kind == Kind.FOCUS && unitText.toLowerCase(Locale.ROOT).contains("token")) {
                tokenClass = tokenClassFromText((row.get(c.description) + " " + row.get(c.skuDetails) + " "
                        + usageType).toLowerCase(Locale.ROOT));
            }
            if (tokenClass >= 0 && bedrock) {
                tokenRow(row, c, usageType, lower, product, tokenClass, billed, weight);
            } else if (bedrock || isAi(row, c, lower)) {
                otherRow(row, c, usageType, product, bedrock, billed, weight);
            }
            billedAll = billedAll.add(billed == null ? BigDecimal.ZERO : billed);
            return null;
        } catch (Bad e) {
            return e.problem;
        }
    }

    private void tokenRow(CsvInput.Row row, Columns c, String usageType, String lower, String product,
            int tokenClass, BigDecimal billed, long weight) throws Bad {
        // no usage type: the charge description names the model ("Amazon Nova Micro output tokens ...")
        String model = usageType.isEmpty() && !product.contains("Bedrock Edition")
                ? firstNonEmpty(row.get(c.description), product) : modelKey(usageType, product);
        if (model.isEmpty()) {
            throw new Bad(row, c.usageType, c.names.get(Math.max(0, c.usageType)), "cannot tell the model of usage "
                    + "type '" + usageType + "'");
        }
        int quantityColumn = c.amount;
        String unit = row.get(c.unit);
        if (row.get(c.amount).isEmpty() && c.pricingQuantity >= 0 && !row.get(c.pricingQuantity).isEmpty()) {
            quantityColumn = c.pricingQuantity;
            unit = row.get(c.pricingUnit);
        }
        BigDecimal quantity = decimal(row, c, quantityColumn);
        if (quantity == null) {
            throw new Bad(row, quantityColumn, quantityColumn < 0 ? "quantity" : c.names.get(quantityColumn),
                    "a token line needs a quantity");
        }
        if (billed == null) {
            throw new Bad(row, c.cost, c.names.get(c.cost), "a token line needs a cost");
        }
        long tokens;
        try {
            tokens = quantity.multiply(unitScale(unit)).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        } catch (ArithmeticException e) {
            throw new Bad(row, quantityColumn, c.names.get(quantityColumn), "token quantity " + quantity
                    + " is out of range");
        }
        long hour = hourOf(row, c);
        String tag = tagKey == null ? null : tag(row, c);
        Mode mode = lower.contains("batch") ? Mode.BATCH : lower.contains("priority") ? Mode.PRIORITY
                : lower.contains("flex") ? Mode.FLEX : Mode.ON_DEMAND;
        boolean longContext = lower.contains("lctx") || lower.contains("long-ctx") || lower.contains("long_ctx");
        Sums s = sums.computeIfAbsent(new Key(model, tag, mode, longContext, Math.floorDiv(hour, 24)),
                k -> new Sums());
        s.tokens[tokenClass] += tokens;
        s.billed = s.billed.add(billed);
        hourly.merge(hour, tokens, Long::sum);
        tokenRows += weight;
        if (hour % 24 != 0) {
            dailyOnly = false;
        }
    }

    private void otherRow(CsvInput.Row row, Columns c, String usageType, String product, boolean bedrock,
            BigDecimal billed, long weight) throws Bad {
        hourOf(row, c); // a row with a bad date is malformed here too
        BigDecimal quantity = decimal(row, c, c.amount);
        if (quantity == null && c.pricingQuantity >= 0) {
            quantity = decimal(row, c, c.pricingQuantity);
        }
        String provider = kind == Kind.CUR ? "AWS" : firstNonEmpty(row.get(c.provider), row.get(c.publisher), "?");
        String service = firstNonEmpty(row.get(c.serviceName), product, row.get(c.productCode), "?");
        String meter = firstNonEmpty(usageType, row.get(c.description), row.get(c.unit), "?");
        String unit = firstNonEmpty(row.get(c.unit), row.get(c.pricingUnit), "");
        OtherKey key = new OtherKey(provider, service, meter, unit);
        OtherSums s = other.get(key);
        if (s == null) {
            if (other.size() >= MAX_OTHER_LINES) {
                key = new OtherKey(provider, service, "(other meters)", "");
            }
            s = other.computeIfAbsent(key, k -> new OtherSums());
        }
        s.rows += weight;
        s.quantity = s.quantity.add(quantity == null ? BigDecimal.ZERO : quantity);
        s.billed = s.billed.add(billed == null ? BigDecimal.ZERO : billed);
        if (bedrock) {
            otherBedrockCost = otherBedrockCost.add(billed == null ? BigDecimal.ZERO : billed);
        }
    }

    /**
     * The kind of a credit, refund, discount or correction row ("Credit", "Refund", "EdpDiscount",
     * "Correction", ...), or null for a usage row. CUR says so in {@code line_item_line_item_type},
     * FOCUS in {@code ChargeCategory} (Credit, Adjustment) and {@code ChargeClass} (Correction).
     */
    private String adjustment(CsvInput.Row row, Columns c) {
        String type = row.get(c.chargeCategory);
        String lower = type.toLowerCase(Locale.ROOT);
        if (kind == Kind.CUR) {
            return lower.equals("credit") || lower.equals("refund") || lower.endsWith("discount")
                    || lower.equals("savingsplannegation") ? type : null;
        }
        if (row.get(c.chargeClass).equalsIgnoreCase("correction")) {
            return "Correction";
        }
        return lower.equals("credit") || lower.equals("adjustment") ? type : null;
    }

    /** A credit or correction: summed apart by kind and service, never netted into the token sums. */
    private void creditRow(CsvInput.Row row, Columns c, String adjustment, BigDecimal billed, long weight) throws Bad {
        hourOf(row, c);
        String provider = kind == Kind.CUR ? "AWS" : firstNonEmpty(row.get(c.provider), row.get(c.publisher), "?");
        String service = firstNonEmpty(row.get(c.serviceName), productName(row, c), row.get(c.productCode), "?");
        OtherKey key = new OtherKey(provider, service, adjustment, "");
        OtherSums s = credits.get(key);
        if (s == null) {
            if (credits.size() >= MAX_OTHER_LINES) {
                key = new OtherKey(provider, "(other services)", adjustment, "");
            }
            s = credits.computeIfAbsent(key, k -> new OtherSums());
        }
        s.rows += weight;
        s.billed = s.billed.add(billed == null ? BigDecimal.ZERO : billed);
    }

    private static String firstNonEmpty(String... values) {
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return "";
    }

    private long hourOf(CsvInput.Row row, Columns c) throws Bad {
        String start = row.get(c.start);
        if (start.isEmpty()) {
            throw new Bad(row, c.start, c.names.get(c.start), "the start time is missing");
        }
        long hour = InvocationLogReader.epochHour(start.length() == 10 ? start + "T00:00:00Z" : start);
        if (hour == Long.MIN_VALUE) {
            throw new Bad(row, c.start, c.names.get(c.start), "'" + start + "' is not an ISO-8601 time");
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

    /** The token class a charge description names ("... per million output tokens ..."), or -1. */
    static int tokenClassFromText(String text) {
        if (text.contains("cache read") || text.contains("cached") || text.contains("cache hit")
                || text.contains("cacheread") || text.contains("cache_read")) {
            return CACHE_READ;
        }
        if (text.contains("cache write") || text.contains("cache creation") || text.contains("cachewrite")
                || text.contains("cache_write")) {
            return CACHE_WRITE;
        }
        if (text.matches("(?s).*\\b(output|outpt|response|completion)\\b.*")) {
            return OUTPUT;
        }
        if (text.matches("(?s).*\\b(input|inp|prompt)\\b.*")) {
            return INPUT;
        }
        return -1;
    }

    private static boolean isBedrock(CsvInput.Row row, Columns c, String usageType, String product) {
        String code = (row.get(c.productCode) + " " + product + " " + row.get(c.serviceName))
                .toLowerCase(Locale.ROOT);
        return code.contains("bedrock") || usageType.contains("-mp:");
    }

    /** An AI service line of any provider: FOCUS's service category, or a name that says so. */
    private static boolean isAi(CsvInput.Row row, Columns c, String usageType) {
        if (row.get(c.serviceCategory).equalsIgnoreCase("AI and Machine Learning")) {
            return true;
        }
        String name = (row.get(c.serviceName) + " " + row.get(c.productCode)).toLowerCase(Locale.ROOT);
        return name.contains("openai") || name.contains("vertex") || name.contains("gemini")
                || name.contains("anthropic") || name.contains("cognitive services") || name.contains("foundry");
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

    /**
     * The card model a model key stands for: equal names first, then the shortest name containing
     * it, then (for a key that is a whole charge description) the longest card name it contains.
     */
    public static ModelPrice match(RateCard card, String key) {
        String wanted = normalize(key);
        if (wanted.isEmpty()) {
            return null;
        }
        ModelPrice direct = card.find(key).orElse(null);
        if (direct != null) {
            return direct;
        }
        ModelPrice named = card.models().values().stream()
                .filter(m -> normalize(m.name()).equals(wanted) || normalize(m.name()).contains(wanted)
                        || normalize(m.id()).contains(wanted))
                .min(Comparator.comparing((ModelPrice m) -> !normalize(m.name()).equals(wanted))
                        .thenComparingInt(m -> m.name().length()))
                .orElse(null);
        if (named != null) {
            return named;
        }
        return card.models().values().stream()
                .filter(m -> normalize(m.name()).length() >= 6 && wanted.contains(normalize(m.name())))
                .max(Comparator.comparingInt(m -> normalize(m.name()).length()))
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

    private String productName(CsvInput.Row row, Columns c) {
        String named = row.get(c.productName);
        if (!named.isEmpty()) {
            return named;
        }
        if (c.productMap >= 0) {
            String map = row.get(c.productMap);
            String value = map.startsWith("{") ? jsonValue(map, "product_name") : "";
            if (!value.isEmpty()) {
                return value;
            }
        }
        String service = row.get(c.serviceName);
        if (service.contains("Bedrock Edition")) {
            return service;
        }
        String description = row.get(c.description);
        if (description.contains("Bedrock Edition")) {
            return description;
        }
        String details = row.get(c.skuDetails);
        if (details.startsWith("{")) {
            for (String key : List.of("x_ModelName", "ModelName", "x_Model", "Model", "x_ProductName")) {
                String value = jsonValue(details, key);
                if (!value.isEmpty()) {
                    return value;
                }
            }
        }
        return service.isEmpty() ? description : service;
    }

    private String tag(CsvInput.Row row, Columns c) {
        String value = "";
        if (c.tagColumn >= 0) {
            value = row.get(c.tagColumn);
        } else if (c.tags >= 0) {
            String tags = row.get(c.tags);
            for (String key : kind == Kind.CUR ? List.of("user_" + tagKey, tagKey)
                    : List.of(tagKey, "user:" + tagKey, "user_" + tagKey)) {
                value = jsonValue(tags, key);
                if (!value.isEmpty()) {
                    break;
                }
            }
        }
        return value.isEmpty() ? "(untagged)" : value;
    }

    /** Values already read from the map columns, by key and map text: a few products fill an export. */
    private final Map<String, Map<String, String>> jsonValues = new HashMap<>();

    /** The scalar value of {@code key} in the JSON object {@code json}, or "" (remembered per map text). */
    private String jsonValue(String json, String key) {
        if (json == null || !json.startsWith("{")) {
            return "";
        }
        Map<String, String> seen = jsonValues.computeIfAbsent(key, k -> new HashMap<>());
        String value = seen.get(json);
        if (value == null) {
            if (seen.size() >= 10_000) {
                seen.clear(); // exports with ever-new maps: keep memory bounded
            }
            value = parseJsonValue(json, key);
            seen.put(json, value);
        }
        return value;
    }

    private static String parseJsonValue(String json, String key) {
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

    /** The number in column {@code index}, or null when it is missing (empty, NULL, or no such column). */
    private static BigDecimal decimal(CsvInput.Row row, Columns c, int index) throws Bad {
        String text = row.get(index);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return dev.aicost.input.Decimals.parse(text);
        } catch (NumberFormatException e) {
            throw new Bad(row, index, c.names.get(index), e.getMessage());
        }
    }

    /** The rows of the report: per card model (and tag), tokens by class, priced and billed cost. */
    public static UsageAnalysis.Result analyse(Read read, RateCard card) {
        Map<String, RowState> byModel = new LinkedHashMap<>();
        Map<String, RowState> byGroup = new LinkedHashMap<>();
        Map<List<Object>, UsageAnalysis.DailyPoint> daily = new LinkedHashMap<>();
        // in a fixed order (not the export's row order, which a SQL engine's result does not keep), so
        // that the report of an export and of its SQL result are the same
        List<Map.Entry<Key, Sums>> entries = new ArrayList<>(read.sums().entrySet());
        entries.sort(Comparator.comparing((Map.Entry<Key, Sums> e) -> e.getKey().model())
                .thenComparing(e -> String.valueOf(e.getKey().tag())).thenComparing(e -> e.getKey().mode())
                .thenComparing(e -> e.getKey().longContext()).thenComparingLong(e -> e.getKey().day()));
        // one match a model key, not one per day and tag: matching tries every card model's name
        Map<String, java.util.Optional<ModelPrice>> matched = new HashMap<>();
        for (Map.Entry<Key, Sums> entry : entries) {
            Key key = entry.getKey();
            ModelPrice model = matched.computeIfAbsent(key.model(), k -> java.util.Optional.ofNullable(match(card, k)))
                    .orElse(null);
            String name = model == null ? key.model() : model.id();
            Sums sums = entry.getValue();
            // exports have no call counts; the trend of an export is its billed cost
            UsageAnalysis.DailyPoint point = new UsageAnalysis.DailyPoint(java.time.LocalDate.ofEpochDay(key.day()),
                    name, key.tag(), 0, sums.tokens[0] + sums.tokens[1] + sums.tokens[2] + sums.tokens[3], sums.billed);
            daily.merge(List.of(point.day(), name, String.valueOf(key.tag())), point, UsageAnalysis::plus);
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
        List<UsageAnalysis.OtherLine> otherLines = new ArrayList<>();
        read.other().forEach((key, sums) -> otherLines.add(new UsageAnalysis.OtherLine(key.provider(), key.service(),
                key.meter(), key.unit(), sums.rows, sums.quantity, sums.billed)));
        otherLines.sort(Comparator.comparing(UsageAnalysis.OtherLine::billed).reversed()
                .thenComparing(UsageAnalysis.OtherLine::service).thenComparing(UsageAnalysis.OtherLine::meter));
        List<UsageAnalysis.OtherLine> creditLines = new ArrayList<>();
        read.credits().forEach((key, sums) -> creditLines.add(new UsageAnalysis.OtherLine(key.provider(),
                key.service(), key.meter(), key.unit(), sums.rows, sums.quantity, sums.billed)));
        creditLines.sort(Comparator.comparing(UsageAnalysis.OtherLine::billed)
                .thenComparing(UsageAnalysis.OtherLine::service).thenComparing(UsageAnalysis.OtherLine::meter));
        return new UsageAnalysis.Result(read.rows(), read.malformed(), read.samples(), models, groups,
                UsageAnalysis.hourly(read.hourly()), total, List.of(),
                UsageAnalysis.Billing.of(read.tokenRows(), read.billedAll(), List.copyOf(otherLines), models, total,
                        List.copyOf(creditLines)), UsageAnalysis.sortedDays(daily.values()));
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
            if (unpriced != null) {
                return;
            }
            // the price in force on the line's day (a card's price history), the current one without history
            TokenPrices rates = ModeRates.resolve(model.on(source.day()), card.defaults(), source.mode(),
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
