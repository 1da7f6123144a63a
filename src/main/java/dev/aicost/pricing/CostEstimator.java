package dev.aicost.pricing;

import dev.aicost.model.Mode;
import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.model.TokenPrices;
import dev.aicost.model.TokenPrices.TokenClass;
import dev.aicost.model.Workload;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The estimate arithmetic of docs/workload-spec.md: token lines per mode (with cache read/write and
 * long-context rates), provisioned throughput with spill-over, guardrails, egress and its free
 * tier, knowledge bases, fine-tuning, and the forecast with compound growth. Exact decimals
 * throughout; divisions that do not terminate keep 34 significant digits.
 */
public final class CostEstimator {
    /** Precision for the few divisions that may not terminate (DECIMAL128: 34 digits). */
    public static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000L);

    private CostEstimator() {
    }

    /** Prices every workload for month 1 and forecasts {@code months} months. */
    public static Estimate estimate(List<EstimateInput> inputs, BigDecimal hoursPerMonth, int months) {
        List<WorkloadMonth> firstMonth = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (EstimateInput input : inputs) {
            WorkloadMonth month = priceMonth(input, hoursPerMonth, 1);
            firstMonth.add(month);
            warnings.addAll(month.warnings());
        }
        List<ReportLine> reportLines = egressLines(firstMonth);
        BigDecimal monthlyTotal = total(firstMonth, reportLines);
        BigDecimal oneTime = BigDecimal.ZERO;
        for (WorkloadMonth month : firstMonth) {
            oneTime = oneTime.add(month.oneTimeCost());
        }

        List<Estimate.MonthTotal> forecast = new ArrayList<>();
        forecast.add(new Estimate.MonthTotal(1, monthlyTotal));
        BigDecimal horizon = monthlyTotal;
        boolean[] spillWarned = new boolean[inputs.size()];
        for (int i = 0; i < firstMonth.size(); i++) {
            spillWarned[i] = !firstMonth.get(i).warnings().isEmpty();
        }
        for (int k = 2; k <= months; k++) {
            List<WorkloadMonth> monthK = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                WorkloadMonth month = priceMonth(inputs.get(i), hoursPerMonth, k);
                monthK.add(month);
                if (!spillWarned[i] && !month.warnings().isEmpty()) {
                    spillWarned[i] = true;
                    warnings.add("from month " + k + ": " + month.warnings().get(0));
                }
            }
            BigDecimal totalK = total(monthK, egressLines(monthK));
            forecast.add(new Estimate.MonthTotal(k, totalK));
            horizon = horizon.add(totalK);
        }
        for (EstimateInput input : inputs) {
            if (input.workload().provisioned() != null && input.model().provisioned().tpmAssumed()) {
                warnings.add(input.workload().name() + ": the throughput of one " + input.model().id()
                        + " model unit (" + input.model().provisioned().modelUnitTpm().toPlainString()
                        + " tokens/min) is an assumption on " + input.card().id()
                        + "; AWS does not publish it, so measure it before committing");
            }
        }
        for (EstimateInput input : inputs) {
            Workload w = input.workload();
            if (w.fineTuning() != null && w.provisioned() == null && input.model().custom() == null) {
                warnings.add(w.name() + ": the fine-tuned " + input.model().id() + " is priced at the base model's "
                        + "on-demand rates, but " + input.card().id() + " does not say how its custom variants are "
                        + "served (most custom models on Bedrock run on provisioned throughput only); add custom: "
                        + "to the model on the card, or provisioned: to the workload");
            }
        }
        List<Estimate.CostRange> ranges = new ArrayList<>();
        BigDecimal reportTotal = monthlyTotal;
        for (WorkloadMonth month : firstMonth) {
            reportTotal = reportTotal.subtract(month.monthlyCost());
        }
        BigDecimal low = reportTotal;
        BigDecimal high = reportTotal;
        for (int i = 0; i < inputs.size(); i++) {
            Estimate.CostRange range = range(inputs.get(i), hoursPerMonth, firstMonth.get(i).monthlyCost());
            ranges.add(range);
            low = low.add(range.low());
            high = high.add(range.high());
        }
        return new Estimate(firstMonth, reportLines, monthlyTotal, oneTime, forecast, horizon, warnings, ranges,
                new Estimate.CostRange(low, high));
    }

    /**
     * The lowest and highest month-1 cost of a workload over every combination of the low and
     * high ends of its ranges (2^n for n ranged fields); its expected cost twice when it has none.
     * Report-level lines (the egress credit and discount) do not depend on the ranged fields.
     */
    static Estimate.CostRange range(EstimateInput input, BigDecimal hoursPerMonth, BigDecimal expected) {
        Map<String, Workload.Range> ranges = input.workload().ranges();
        if (ranges.isEmpty()) {
            return new Estimate.CostRange(expected, expected);
        }
        List<String> fields = new ArrayList<>(ranges.keySet());
        BigDecimal low = null;
        BigDecimal high = null;
        for (int combination = 0; combination < 1 << fields.size(); combination++) {
            Workload w = input.workload();
            for (int bit = 0; bit < fields.size(); bit++) {
                Workload.Range range = ranges.get(fields.get(bit));
                w = w.with(fields.get(bit), (combination & 1 << bit) == 0 ? range.low() : range.high());
            }
            BigDecimal cost = priceMonth(new EstimateInput(w, input.card(), input.model()), hoursPerMonth, 1)
                    .monthlyCost();
            low = low == null ? cost : low.min(cost);
            high = high == null ? cost : high.max(cost);
        }
        return new Estimate.CostRange(low, high);
    }

    /**
     * The cost of one request of the given shape (calls per request, tokens per call, cache,
     * mode mix), priced as a one-request workload; null when the card cannot price that shape
     * for the model (a mode, cache or long-context price is missing).
     */
    public static BigDecimal perRequestCost(RateCard card, ModelPrice model, BigDecimal callsPerRequest,
            BigDecimal inputTokens, BigDecimal outputTokens, Workload.Cache cache, Map<Mode, BigDecimal> mix) {
        Workload request = Workload.tokens("request", model.id(), BigDecimal.ONE, callsPerRequest, inputTokens,
                outputTokens, cache, mix);
        if (!issues(request, model, card).isEmpty()) {
            return null;
        }
        return priceMonth(new EstimateInput(request, card, model), BigDecimal.ONE, 1).monthlyCost();
    }

    /** Volume factor of forecast month {@code month} (1-based): (1 + growth)^(month - 1). */
    public static BigDecimal growthFactor(BigDecimal growth, int month) {
        if (growth == null || growth.signum() == 0 || month == 1) {
            return BigDecimal.ONE;
        }
        return BigDecimal.ONE.add(growth).pow(month - 1, MC);
    }

    /** One workload in forecast month {@code month}. */
    public static WorkloadMonth priceMonth(EstimateInput input, BigDecimal hoursPerMonth, int month) {
        Workload w = input.workload();
        ModelPrice model = served(w, input.model());
        RateCard card = input.card();
        BigDecimal factor = growthFactor(w.growth(), month);
        BigDecimal requests = w.requestsPerMonth().multiply(factor);
        BigDecimal calls = requests.multiply(w.callsPerRequest());
        BigDecimal tokensPerCall = w.inputTokens().add(w.outputTokens());
        List<LineItem> lines = new ArrayList<>();
        List<String> warnings = new ArrayList<>();

        if (w.provisioned() != null) {
            ModelPrice.Provisioned provisioned = model.provisioned();
            BigDecimal unitHours = w.provisioned().modelUnits().multiply(hoursPerMonth);
            BigDecimal hourly = provisioned.hourly().get(w.provisioned().term());
            lines.add(new LineItem("provisioned", null, unitHours, "model-unit hours", hourly, "per model-unit hour",
                    unitHours.multiply(hourly)));
            BigDecimal capacityTokens = w.provisioned().modelUnits().multiply(provisioned.modelUnitTpm())
                    .multiply(SIXTY).multiply(hoursPerMonth);
            BigDecimal demandTokens = calls.multiply(tokensPerCall);
            if (demandTokens.compareTo(capacityTokens) > 0) {
                BigDecimal servedCalls = capacityTokens.divide(tokensPerCall, MC);
                BigDecimal spilledCalls = calls.subtract(servedCalls);
                lines.addAll(tokenLines(w, model, card, Mode.ON_DEMAND, spilledCalls));
                BigDecimal minutes = hoursPerMonth.multiply(SIXTY);
                BigDecimal spillPct = spilledCalls.divide(calls, MC).movePointRight(2);
                warnings.add(w.name() + ": demand of " + demandTokens.divide(minutes, MC).setScale(0,
                        java.math.RoundingMode.HALF_EVEN).toPlainString() + " tokens/min exceeds the "
                        + capacityTokens.divide(minutes, MC).setScale(0, java.math.RoundingMode.HALF_EVEN)
                                .toPlainString()
                        + " tokens/min of " + w.provisioned().modelUnits().toPlainString()
                        + " model unit(s); " + spillPct.setScale(1, java.math.RoundingMode.HALF_EVEN).toPlainString()
                        + "% of calls spill to on-demand rates"
                        + (w.fineTuning() != null && model.custom() != null && !model.custom().onDemand()
                                ? " (a custom " + model.id() + " is served on provisioned throughput only, so these "
                                        + "calls would be throttled, not served; they are priced at the base "
                                        + "model's rates)" : ""));
            }
        } else if (w.images() != null) {
            BigDecimal images = requests.multiply(w.images().perRequest());
            BigDecimal price = model.images().get(w.images().size());
            lines.add(new LineItem("images", null, images, "images", price, "per image", images.multiply(price)));
        } else {
            for (Mode mode : Mode.values()) {
                BigDecimal share = w.share(mode);
                if (share.signum() > 0) {
                    lines.addAll(tokenLines(w, model, card, mode, calls.multiply(share)));
                }
            }
        }

        RateCard.Services services = card.services();
        if (w.guardrailTextUnitsPerRequest() != null) {
            BigDecimal units = requests.multiply(w.guardrailTextUnitsPerRequest());
            BigDecimal rate = services.guardrailsPer1kTextUnits();
            lines.add(new LineItem("guardrails", null, units, "text units", rate, "per 1K text units",
                    units.multiply(rate).divide(THOUSAND)));
        }
        BigDecimal egressGb = BigDecimal.ZERO;
        if (w.egressGb() != null) {
            egressGb = w.egressGb().multiply(factor);
            BigDecimal rate = services.egress().firstRate();
            lines.add(new LineItem("egress", null, egressGb, "GB", rate, "per GB", egressGb.multiply(rate)));
        }
        if (w.crossRegionGb() != null) {
            BigDecimal gb = w.crossRegionGb().multiply(factor);
            lines.add(new LineItem("inter_region_transfer", null, gb, "GB", services.interRegionPerGb(), "per GB",
                    gb.multiply(services.interRegionPerGb())));
        }
        lines.addAll(knowledgeBaseLines(w.knowledgeBase(), card, requests, hoursPerMonth));
        if (w.logging() != null) {
            BigDecimal gb = calls.multiply(w.logging().bytesPerCall()).divide(BILLION);
            RateCard.Logging rates = services.logging();
            lines.add(new LineItem("invocation_logging", null, gb, "GB", rates.ingestPerGb(), "per GB ingested",
                    gb.multiply(rates.ingestPerGb())));
            BigDecimal kept = gb.multiply(w.logging().retentionMonths());
            lines.add(new LineItem("log_storage", null, kept, "GB-months", rates.storagePerGbMonth(), "per GB-month",
                    kept.multiply(rates.storagePerGbMonth())));
        }
        if (w.metrics() != null && w.metrics().signum() > 0) {
            lines.add(new LineItem("metrics", null, w.metrics(), "metrics", services.metricsPerMonth(),
                    "per metric-month", w.metrics().multiply(services.metricsPerMonth())));
        }
        List<LineItem> oneTime = new ArrayList<>();
        Workload.FineTuning fineTuning = w.fineTuning();
        if (fineTuning != null) {
            if (fineTuning.storedModels() != null && fineTuning.storedModels().signum() > 0) {
                BigDecimal rate = services.fineTuningStoragePerModelMonth();
                lines.add(new LineItem("fine_tuning_storage", null, fineTuning.storedModels(), "custom models", rate,
                        "per model-month", fineTuning.storedModels().multiply(rate)));
            }
            if (month == 1 && fineTuning.trainingTokens() != null && fineTuning.trainingTokens().signum() > 0) {
                BigDecimal tokens = fineTuning.trainingTokens().multiply(fineTuning.epochs());
                oneTime.add(new LineItem("fine_tuning_training", null, tokens, "tokens", model.training(),
                        LineItem.PER_1M_TOKENS, perMillion(tokens, model.training())));
            }
        }
        return new WorkloadMonth(input, lines, oneTime, sum(lines), sum(oneTime), requests, calls,
                calls.multiply(tokensPerCall), egressGb, warnings);
    }

    /**
     * The knowledge-base lines: capacity (K x OCUs x OCU-hour price x hours, or K x the flat
     * monthly price), document and index storage, embedding the documents each month, and
     * embedding the queries of {@code requests} requests.
     */
    static List<LineItem> knowledgeBaseLines(Workload.KnowledgeBaseUse kb, RateCard card, BigDecimal requests,
            BigDecimal hoursPerMonth) {
        List<LineItem> lines = new ArrayList<>();
        if (kb == null) {
            return lines;
        }
        RateCard.Services services = card.services();
        RateCard.KnowledgeBase store = services.knowledgeBase();
        if (kb.count().signum() > 0) {
            if (store.perOcu()) {
                BigDecimal ocus = kb.ocus() != null ? kb.ocus() : store.minOcus();
                BigDecimal hours = kb.count().multiply(ocus).multiply(hoursPerMonth);
                lines.add(new LineItem("knowledge_base", null, hours, "OCU-hours", store.ocuHourly(), "per OCU-hour",
                        hours.multiply(store.ocuHourly())));
            } else {
                lines.add(new LineItem("knowledge_base", null, kb.count(), "knowledge bases", store.monthly(),
                        "per month", kb.count().multiply(store.monthly())));
            }
        }
        if (kb.documentsGb() != null && kb.documentsGb().signum() > 0) {
            lines.add(new LineItem("kb_document_storage", null, kb.documentsGb(), "GB-months",
                    services.s3PerGbMonth(), "per GB-month", kb.documentsGb().multiply(services.s3PerGbMonth())));
            lines.add(new LineItem("kb_index_storage", null, kb.documentsGb(), "GB-months",
                    store.indexStoragePerGbMonth(), "per GB-month",
                    kb.documentsGb().multiply(store.indexStoragePerGbMonth())));
        }
        if (kb.embeds()) {
            BigDecimal rate = card.find(kb.embeddingModel()).orElseThrow().standard().input();
            if (kb.ingestTokensPerMonth() != null && kb.ingestTokensPerMonth().signum() > 0) {
                lines.add(new LineItem("kb_ingestion", null, kb.ingestTokensPerMonth(), "tokens", rate,
                        LineItem.PER_1M_TOKENS, perMillion(kb.ingestTokensPerMonth(), rate)));
            }
            if (kb.retrievalsPerRequest() != null && kb.retrievalsPerRequest().signum() > 0) {
                BigDecimal tokens = requests.multiply(kb.retrievalsPerRequest()).multiply(kb.queryTokens());
                lines.add(new LineItem("kb_retrieval", null, tokens, "tokens", rate, LineItem.PER_1M_TOKENS,
                        perMillion(tokens, rate)));
            }
        }
        return lines;
    }

    /**
     * The model as {@code w} is billed per token: a fine-tuned workload on a model whose custom
     * variants may be served on demand uses the card's custom prices (for all its calls, or for
     * the calls that spill over its provisioned units); anything else the model as it is.
     */
    public static ModelPrice served(Workload w, ModelPrice model) {
        if (w.fineTuning() != null && model.custom() != null && model.custom().onDemand()) {
            return model.asCustomOnDemand();
        }
        return model;
    }

    /**
     * The token lines of {@code calls} calls in {@code mode}: input (I - P), cache read (P x h),
     * cache write (P x (1 - h), at the 1-hour rate when the cache's TTL is 1h) and output (O)
     * tokens per call. A line whose tokens per call are zero by the workload's shape is left out.
     */
    static List<LineItem> tokenLines(Workload w, ModelPrice model, RateCard card, Mode mode, BigDecimal calls) {
        TokenPrices rates = ModeRates.resolve(model, card.defaults(), mode,
                ModeRates.isLongContext(model, w.inputTokens()));
        Map<TokenClass, BigDecimal> perCall = tokensPerCall(w);
        List<LineItem> lines = new ArrayList<>();
        for (Map.Entry<TokenClass, BigDecimal> entry : perCall.entrySet()) {
            if (entry.getValue().signum() == 0) {
                continue;
            }
            BigDecimal rate = rates.get(entry.getKey());
            if (rate == null) {
                throw new IllegalStateException(model.id() + " has no " + mode.key() + " "
                        + entry.getKey().component() + " price; check workloads before pricing");
            }
            BigDecimal tokens = calls.multiply(entry.getValue());
            lines.add(new LineItem(entry.getKey().component(), mode, tokens, "tokens", rate, LineItem.PER_1M_TOKENS,
                    perMillion(tokens, rate)));
        }
        return lines;
    }

    /** Tokens per call of each class, in line order. */
    static Map<TokenClass, BigDecimal> tokensPerCall(Workload w) {
        BigDecimal prefix = w.cache() == null ? BigDecimal.ZERO : w.cache().prefixTokens();
        BigDecimal hitRate = w.cache() == null ? BigDecimal.ZERO : w.cache().hitRate();
        Map<TokenClass, BigDecimal> perCall = new LinkedHashMap<>();
        perCall.put(TokenClass.INPUT, w.inputTokens().subtract(prefix));
        perCall.put(TokenClass.CACHE_READ, prefix.multiply(hitRate));
        boolean oneHour = w.cache() != null && w.cache().oneHour();
        perCall.put(oneHour ? TokenClass.CACHE_WRITE_1H : TokenClass.CACHE_WRITE,
                prefix.multiply(BigDecimal.ONE.subtract(hitRate)));
        perCall.put(TokenClass.OUTPUT, w.outputTokens() == null ? BigDecimal.ZERO : w.outputTokens());
        return perCall;
    }

    /**
     * What keeps {@code w} from being priced on its card: a model of the wrong kind for the
     * workload's shape, a mode share, cache, long-context, provisioned term, training price,
     * image size, embedding model or service the card lacks, or a custom model that can only be
     * served on provisioned throughput. Empty when it can be priced.
     */
    public static List<PricingIssue> issues(Workload w, ModelPrice base, RateCard card) {
        List<PricingIssue> issues = new ArrayList<>();
        kindIssues(w, base, card, issues);
        if (!issues.isEmpty()) {
            return issues;
        }
        if (w.fineTuning() != null && w.provisioned() == null && base.custom() != null && !base.custom().onDemand()) {
            issues.add(new PricingIssue("fine_tuning", "a fine-tuned " + base.id() + " is served on provisioned "
                    + "throughput only (custom.serving: provisioned_only on " + card.id() + "): add provisioned: "
                    + "{ model_units: N, term: T } to this workload"));
            return issues;
        }
        ModelPrice model = served(w, base);
        Workload shape = w.outputTokens() == null ? w.withOutputTokens(BigDecimal.ZERO) : w;
        boolean longContext = ModeRates.isLongContext(model, shape.inputTokens());
        Map<TokenClass, BigDecimal> perCall = tokensPerCall(shape);
        List<Mode> modes = new ArrayList<>();
        if (w.provisioned() != null) {
            ModelPrice.Provisioned provisioned = model.provisioned();
            if (provisioned == null) {
                issues.add(new PricingIssue("provisioned", model.id() + " has no provisioned-throughput prices on "
                        + card.id()));
            } else if (provisioned.modelUnitTpm() == null) {
                issues.add(new PricingIssue("provisioned", model.id() + " has no model_unit_tpm on " + card.id()
                        + ": add the throughput of one model unit (AWS does not publish it; measure it)"));
            } else if (!provisioned.hourly().containsKey(w.provisioned().term())) {
                issues.add(new PricingIssue("provisioned.term", model.id() + " has no '" + w.provisioned().term()
                        + "' term on " + card.id() + "; available: "
                        + String.join(", ", new java.util.TreeSet<>(provisioned.hourly().keySet()))));
            }
            modes.add(Mode.ON_DEMAND); // spill-over
        } else if (w.images() == null) {
            for (Mode mode : Mode.values()) {
                if (w.share(mode).signum() > 0) {
                    modes.add(mode);
                }
            }
        }
        for (Mode mode : modes) {
            TokenPrices rates = ModeRates.resolve(model, card.defaults(), mode, longContext);
            for (Map.Entry<TokenClass, BigDecimal> entry : perCall.entrySet()) {
                if (entry.getValue().signum() > 0 && rates.get(entry.getKey()) == null) {
                    String field = switch (entry.getKey()) {
                        case CACHE_READ, CACHE_WRITE, CACHE_WRITE_1H -> "cache";
                        default -> mode == Mode.ON_DEMAND ? "model" : "mix." + mode.key();
                    };
                    issues.add(new PricingIssue(field, model.id() + " has no " + (longContext ? "long-context " : "")
                            + mode.key() + " " + entry.getKey().component() + " price on " + card.id()
                            + (entry.getKey() == TokenClass.CACHE_WRITE_1H ? " (for cache.ttl: 1h)" : "")
                            + (mode == Mode.ON_DEMAND || entry.getKey().component().startsWith("cache") ? ""
                                    : " (and the card has no " + mode.key() + " default)")));
                }
            }
        }
        serviceIssues(w, card, issues);
        Workload.FineTuning fineTuning = w.fineTuning();
        if (fineTuning != null && fineTuning.trainingTokens() != null && fineTuning.trainingTokens().signum() > 0
                && model.training() == null) {
            issues.add(new PricingIssue("fine_tuning.training_tokens", model.id() + " has no training price on "
                    + card.id()));
        }
        return issues;
    }

    /** A workload whose shape does not fit its model's kind (tokens on an image model, output on an embedding). */
    private static void kindIssues(Workload w, ModelPrice model, RateCard card, List<PricingIssue> issues) {
        String what = model.id() + " is " + (model.kind() == ModelPrice.Kind.CHAT ? "a chat" : "an "
                + model.kind().key()) + " model on " + card.id();
        switch (model.kind()) {
            case IMAGE -> {
                if (w.images() == null) {
                    issues.add(new PricingIssue("model", what + ", priced per image: give images: { per_request: N, "
                            + "size: S } instead of tokens (sizes: " + String.join(", ", model.images().keySet())
                            + ")"));
                } else if (!model.images().containsKey(w.images().size())) {
                    issues.add(new PricingIssue("images.size", "unknown size '" + w.images().size() + "' for "
                            + model.id() + " on " + card.id() + "; sizes: " + String.join(", ", model.images().keySet())));
                }
            }
            case EMBEDDING -> {
                if (w.images() != null) {
                    issues.add(new PricingIssue("images", what + ", not an image model"));
                }
                if (w.outputTokens() != null && w.outputTokens().signum() > 0) {
                    issues.add(new PricingIssue("output_tokens", what + ": it bills input tokens only, so "
                            + "output_tokens must be 0 or left out, got " + w.outputTokens().toPlainString()));
                }
                if (w.cache() != null) {
                    issues.add(new PricingIssue("cache", what + ": embeddings are not cached"));
                }
            }
            default -> {
                if (w.images() != null) {
                    issues.add(new PricingIssue("images", what + ", not an image model: images need a model of "
                            + "kind: image"));
                } else if (w.outputTokens() == null) {
                    issues.add(new PricingIssue("output_tokens", "is required: " + what + " that bills output tokens "
                            + "(give 0 if the calls write none)"));
                }
            }
        }
    }

    /** A card service as a workload uses it: the workload field whose lines it prices, and its name in words. */
    record ServiceUse(String field, String name) {
    }

    /** Every service of a card's {@code services:} block (keys as there), as workloads use them. */
    static final Map<String, ServiceUse> SERVICE_USES = Map.of(
            "egress", new ServiceUse("egress_gb", "egress"),
            "guardrails", new ServiceUse("guardrails", "guardrails"),
            "inter_region", new ServiceUse("cross_region_gb", "inter-region transfer"),
            "logging", new ServiceUse("logging", "invocation logging"),
            "metrics", new ServiceUse("metrics", "metrics"),
            "fine_tuning", new ServiceUse("fine_tuning.stored_models", "custom-model storage"),
            "knowledge_base", new ServiceUse("knowledge_base", "knowledge bases"),
            "s3", new ServiceUse("knowledge_base.documents_gb", "document storage"));

    /** Services the workload uses that its card does not price, or prices in another form. */
    private static void serviceIssues(Workload w, RateCard card, List<PricingIssue> issues) {
        for (String service : w.services()) {
            if (service.equals("knowledge_base") || service.equals("s3")) {
                continue; // the knowledge-base checks below say which part is missing
            }
            if (!card.services().has(service)) {
                ServiceUse use = SERVICE_USES.get(service);
                issues.add(new PricingIssue(use.field(), card.id() + " does not price " + use.name() + " (services."
                        + service + ")"));
            }
        }
        if (w.knowledgeBase() != null) {
            knowledgeBaseIssues(w.knowledgeBase(), card, issues);
        }
    }

    private static void knowledgeBaseIssues(Workload.KnowledgeBaseUse kb, RateCard card, List<PricingIssue> issues) {
        RateCard.Services services = card.services();
        RateCard.KnowledgeBase store = services.knowledgeBase();
        String field = kb.ocus() == null && kb.documentsGb() == null && !kb.embeds() ? "knowledge_bases"
                : "knowledge_base";
        if (kb.count().signum() > 0 && store == null) {
            issues.add(new PricingIssue(field, card.id() + " does not price knowledge bases"));
            return;
        }
        if (kb.ocus() != null && (store == null || !store.perOcu())) {
            issues.add(new PricingIssue("knowledge_base.ocus", card.id() + " prices a knowledge base per month, not "
                    + "per OCU: leave ocus out or use a card with services.knowledge_base.ocu_hourly"));
        } else if (kb.ocus() != null && kb.ocus().compareTo(store.minOcus()) < 0) {
            issues.add(new PricingIssue("knowledge_base.ocus", "must be at least the card's min_ocus ("
                    + store.minOcus().toPlainString() + " on " + card.id() + "), got " + kb.ocus().toPlainString()));
        }
        if (kb.documentsGb() != null && kb.documentsGb().signum() > 0) {
            if (!services.has("s3")) {
                issues.add(new PricingIssue(SERVICE_USES.get("s3").field(), card.id() + " does not price "
                        + SERVICE_USES.get("s3").name() + " (services.s3)"));
            }
            if (store == null || store.indexStoragePerGbMonth() == null) {
                issues.add(new PricingIssue("knowledge_base.documents_gb", card.id() + " does not price index "
                        + "storage (services.knowledge_base.index_storage_per_gb_month)"));
            }
        }
        if (kb.embeddingModel() != null) {
            ModelPrice embedding = card.find(kb.embeddingModel()).orElse(null);
            if (embedding == null) {
                issues.add(new PricingIssue("knowledge_base.embedding_model", "no model '" + kb.embeddingModel()
                        + "' on " + card.id() + embeddingModels(card)));
            } else if (embedding.kind() != ModelPrice.Kind.EMBEDDING) {
                issues.add(new PricingIssue("knowledge_base.embedding_model", embedding.id() + " is not an embedding "
                        + "model on " + card.id() + " (kind: " + embedding.kind().key() + "); the embedding model "
                        + "must be a kind: embedding model of the same card"
                        + embeddingModels(card)));
            }
        }
    }

    private static String embeddingModels(RateCard card) {
        List<String> ids = card.models().values().stream().filter(m -> m.kind() == ModelPrice.Kind.EMBEDDING)
                .map(ModelPrice::id).toList();
        return ids.isEmpty() ? "" : "; embedding models: " + String.join(", ", ids);
    }

    /**
     * The report-level egress lines per card, from the month's total egress E on that card: the
     * free-tier credit -min(E, free GB) x the first tier's rate, and the volume discount
     * (E priced across the tiers) - E x the first tier's rate, when it is not zero.
     */
    static List<ReportLine> egressLines(List<WorkloadMonth> months) {
        Map<String, BigDecimal> egressByCard = new LinkedHashMap<>();
        Map<String, RateCard> cards = new LinkedHashMap<>();
        for (WorkloadMonth month : months) {
            RateCard card = month.input().card();
            if (month.input().workload().egressGb() != null) {
                egressByCard.merge(card.id(), month.egressGb(), BigDecimal::add);
                cards.put(card.id(), card);
            }
        }
        List<ReportLine> lines = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> entry : egressByCard.entrySet()) {
            RateCard.Egress egress = cards.get(entry.getKey()).services().egress();
            BigDecimal total = entry.getValue();
            BigDecimal first = egress.firstRate();
            BigDecimal freeGb = egress.freeGb();
            if (freeGb != null && freeGb.signum() != 0 && total.signum() != 0) {
                BigDecimal creditedGb = total.min(freeGb);
                lines.add(new ReportLine("egress_free_tier", entry.getKey(), creditedGb, "GB", first, "per GB",
                        creditedGb.multiply(first).negate()));
            }
            BigDecimal discount = egress.tiered(total).subtract(total.multiply(first));
            if (discount.signum() != 0) {
                BigDecimal firstEnd = egress.tiers().get(0).upToGb();
                BigDecimal above = total.subtract(firstEnd);
                lines.add(new ReportLine("egress_volume_discount", entry.getKey(), above, "GB",
                        discount.negate().divide(above, MC), "per GB above the first tier (average)", discount));
            }
        }
        return lines;
    }

    static BigDecimal perMillion(BigDecimal tokens, BigDecimal ratePerMillion) {
        return tokens.multiply(ratePerMillion).movePointLeft(6);
    }

    private static BigDecimal sum(List<LineItem> lines) {
        BigDecimal total = BigDecimal.ZERO;
        for (LineItem line : lines) {
            total = total.add(line.cost());
        }
        return total;
    }

    private static BigDecimal total(List<WorkloadMonth> months, List<ReportLine> reportLines) {
        BigDecimal total = BigDecimal.ZERO;
        for (WorkloadMonth month : months) {
            total = total.add(month.monthlyCost());
        }
        for (ReportLine line : reportLines) {
            total = total.add(line.cost());
        }
        return total;
    }
}
