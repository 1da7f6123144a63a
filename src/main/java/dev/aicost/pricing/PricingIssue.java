package dev.aicost.pricing;

/**
 * Why a workload cannot be priced on a card, with the workload field that causes it
 * ({@code mix.priority}, {@code cache}, {@code provisioned.term}, ...), relative to the workload.
 */
public record PricingIssue(String field, String message) {
}
