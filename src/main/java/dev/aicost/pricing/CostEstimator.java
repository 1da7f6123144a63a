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
        List<ReportLine> reportLines = freeTierCredits(firstMonth);
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
            BigDecimal totalK = total(monthK, freeTierCredits(monthK));
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
        return new Estimate(firstMonth, reportLines, monthlyTotal, oneTime, forecast, horizon, warnings);
    }

    /**
     * The cost of one request of the given shape (calls per request, tokens per call, cache,
     * mode mix), priced as a one-request workload; null when the card cannot price that shape
     * for the model (a mode, cache or long-context price is missing).
     */
    public static BigDecimal perRequestCost(RateCard card, ModelPrice model, BigDecimal callsPerRequest,
            BigDecimal inputTokens, BigDecimal outputTokens, Workload.Cache cache, Map<Mode, BigDecimal> mix) {
        Workload request = new Workload("request", model.id(), null, BigDecimal.ONE, callsPerRequest, inputTokens,
                outputTokens, cache, mix, null, null, null, null, null, null);
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
        ModelPrice model = input.model();
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
                        + "% of calls spill to on-demand rates");
            }
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
            lines.add(new LineItem("egress", null, egressGb, "GB", services.egressPerGb(), "per GB",
                    egressGb.multiply(services.egressPerGb())));
        }
        if (w.knowledgeBases() != null && w.knowledgeBases().signum() > 0) {
            BigDecimal rate = services.knowledgeBaseMonthly();
            lines.add(new LineItem("knowledge_base", null, w.knowledgeBases(), "knowledge bases", rate,
                    "per month", w.knowledgeBases().multiply(rate)));
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
     * The four token lines of {@code calls} calls in {@code mode}: input (I - P), cache read
     * (P x h), cache write (P x (1 - h)) and output (O) tokens per call. A line whose tokens per
     * call are zero by the workload's shape is left out.
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
        perCall.put(TokenClass.CACHE_WRITE, prefix.multiply(BigDecimal.ONE.subtract(hitRate)));
        perCall.put(TokenClass.OUTPUT, w.outputTokens());
        return perCall;
    }

    /**
     * What keeps {@code w} from being priced on its card: a mode share, cache, long-context,
     * provisioned term, training price or service the card lacks. Empty when it can be priced.
     */
    public static List<PricingIssue> issues(Workload w, ModelPrice model, RateCard card) {
        List<PricingIssue> issues = new ArrayList<>();
        boolean longContext = ModeRates.isLongContext(model, w.inputTokens());
        Map<TokenClass, BigDecimal> perCall = tokensPerCall(w);
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
        } else {
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
                        case CACHE_READ, CACHE_WRITE -> "cache";
                        default -> mode == Mode.ON_DEMAND ? "model" : "mix." + mode.key();
                    };
                    issues.add(new PricingIssue(field, model.id() + " has no " + (longContext ? "long-context " : "")
                            + mode.key() + " " + entry.getKey().component() + " price on " + card.id()
                            + (mode == Mode.ON_DEMAND || entry.getKey().component().startsWith("cache") ? ""
                                    : " (and the card has no " + mode.key() + " default)")));
                }
            }
        }
        RateCard.Services services = card.services();
        if (w.guardrailTextUnitsPerRequest() != null && services.guardrailsPer1kTextUnits() == null) {
            issues.add(new PricingIssue("guardrails", card.id() + " does not price guardrails"));
        }
        if (w.egressGb() != null && services.egressPerGb() == null) {
            issues.add(new PricingIssue("egress_gb", card.id() + " does not price egress"));
        }
        if (w.knowledgeBases() != null && w.knowledgeBases().signum() > 0 && services.knowledgeBaseMonthly() == null) {
            issues.add(new PricingIssue("knowledge_bases", card.id() + " does not price knowledge bases"));
        }
        Workload.FineTuning fineTuning = w.fineTuning();
        if (fineTuning != null) {
            if (fineTuning.storedModels() != null && fineTuning.storedModels().signum() > 0
                    && services.fineTuningStoragePerModelMonth() == null) {
                issues.add(new PricingIssue("fine_tuning.stored_models", card.id()
                        + " does not price custom-model storage"));
            }
            if (fineTuning.trainingTokens() != null && fineTuning.trainingTokens().signum() > 0
                    && model.training() == null) {
                issues.add(new PricingIssue("fine_tuning.training_tokens", model.id()
                        + " has no training price on " + card.id()));
            }
        }
        return issues;
    }

    /**
     * One egress free-tier credit per card: -min(egress GB on that card, free GB) x per GB.
     */
    static List<ReportLine> freeTierCredits(List<WorkloadMonth> months) {
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
            RateCard.Services services = cards.get(entry.getKey()).services();
            BigDecimal freeGb = services.egressFreeGb();
            if (freeGb == null || freeGb.signum() == 0 || entry.getValue().signum() == 0) {
                continue;
            }
            BigDecimal creditedGb = entry.getValue().min(freeGb);
            lines.add(new ReportLine("egress_free_tier", entry.getKey(), creditedGb, "GB", services.egressPerGb(),
                    "per GB", creditedGb.multiply(services.egressPerGb()).negate()));
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
