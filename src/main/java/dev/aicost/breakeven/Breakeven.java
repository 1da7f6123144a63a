package dev.aicost.breakeven;

import java.math.BigDecimal;
import java.util.List;

/**
 * What {@code aicost breakeven} computes for one model and call shape.
 *
 * @param onDemandPerToken c: on-demand cost per call / tokens per call
 * @param batchPerToken the same in batch, or null when the model has no batch price
 * @param tpmAssumed whether the card marks the unit throughput as an assumption
 */
public record Breakeven(String ratecard, String currency, String model, CallShape shape, BigDecimal hoursPerMonth,
        BigDecimal modelUnitTpm, boolean tpmAssumed, BigDecimal onDemandPerCall, BigDecimal onDemandPerToken,
        BigDecimal batchPerToken, List<TermBreakeven> terms, List<CurvePoint> curve, List<Sensitivity> sensitivity,
        List<ProfileSizing> sizing) {

    /**
     * One volume on the cost curve: monthly cost on-demand, in batch (null when unavailable) and on
     * provisioned throughput per term with ceil(T / K) units.
     */
    public record CurvePoint(BigDecimal tokens, BigDecimal onDemand, BigDecimal batch, List<BigDecimal> provisioned,
            long modelUnits) {
    }

    /**
     * Break-even utilization per term when one input of the shape changes: {@code variable} is
     * "output_ratio" (output / input tokens, total tokens per call kept) or "cache_hit_rate".
     */
    public record Sensitivity(String variable, BigDecimal value, List<BigDecimal> utilization) {
    }
}
