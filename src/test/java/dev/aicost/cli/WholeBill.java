package dev.aicost.cli;

/**
 * A hand-made card and spec that use every cost around the tokens (issue 14), one field a line so
 * that the hostile-input table can change one line at a time. {@code {card.yaml}} stands for the
 * card's path. The hand calculation of every line is in {@link WholeBillTest}.
 */
final class WholeBill {
    private WholeBill() {
    }

    static final String CARD = """
            schema: aicost/ratecard/v1
            id: whole-bill
            provider: test
            region: test-1
            currency: USD
            effective: 2026-01-01
            checked: 2026-12-01
            source: hand-made for tests
            defaults:
              batch_discount: 0.5
            models:
              big:
                tier: 3
                input: 3.00
                output: 15.00
                cache_write: 3.75
                cache_read: 0.30
                cache_write_1h: 6.00
              emb:
                kind: embedding
                input: 0.02
              img:
                kind: image
                images: { 1024-standard: 0.04, 2048-premium: 0.08 }
              od:
                tier: 1
                input: 1.00
                output: 4.00
                custom: { serving: on_demand, input: 2.00, output: 8.00 }
              tuned:
                tier: 1
                input: 1.00
                output: 4.00
                custom: { serving: provisioned_only }
                provisioned: { model_unit_tpm: 100000, hourly: { 1_month: 20.00 } }
              plain:
                tier: 1
                input: 1.00
                output: 4.00
            services:
              egress:
                free_gb: 100
                tiers:
                  - { up_to_gb: 10240, per_gb: 0.09 }
                  - { up_to_gb: 51200, per_gb: 0.085 }
                  - { up_to_gb: 153600, per_gb: 0.07 }
                  - { per_gb: 0.05 }
              inter_region: { per_gb: 0.02 }
              logging: { ingest_per_gb: 0.50, storage_per_gb_month: 0.03 }
              metrics: { per_metric_month: 0.30 }
              knowledge_base: { ocu_hourly: 0.24, min_ocus: 2, index_storage_per_gb_month: 0.024 }
              s3: { per_gb_month: 0.023 }
              fine_tuning: { storage_per_model_month: 1.95 }
            """;

    static final String SPEC = """
            schema: aicost/workload/v1
            ratecard: {card.yaml}
            workloads:
              - name: w
                model: big
                requests_per_month: { low: 8000, expected: 10000, high: 12000 }
                calls_per_request: { low: 2, expected: 4, high: 8 }
                input_tokens: 1000
                output_tokens: 100
                cache: { prefix_tokens: 500, hit_rate: 0.5, ttl: 1h }
                egress_gb: 10
                cross_region_gb: 5
                logging: { bytes_per_call: 10000, retention_months: 3 }
                metrics: 10
                knowledge_base:
                  count: 2
                  ocus: 4
                  documents_gb: 50
                  ingest_tokens_per_month: 1000000
                  embedding_model: emb
                  retrievals_per_request: 2
                  query_tokens: 50
              - name: pics
                model: img
                requests_per_day: 100
                images: { per_request: 2, size: 1024-standard }
              - name: tuned
                model: od
                requests_per_month: 1000
                input_tokens: 200
                output_tokens: 20
                fine_tuning: { stored_models: 1 }
            """;
}
