package dev.aicost;

import dev.aicost.model.Mode;
import dev.aicost.model.RateCard;
import dev.aicost.model.Workload;
import dev.aicost.input.RateCardReader;
import dev.aicost.input.YamlLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** Test fixtures: the hand-made cards and a workload builder. */
public final class TestCards {
    public static final Path CARDS = Path.of("src/test/resources/cards");

    private TestCards() {
    }

    public static RateCard card(String id) {
        Path path = CARDS.resolve(id + ".yaml");
        return RateCardReader.read(YamlLoader.load(path), path.toString());
    }

    public static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    public static WorkloadBuilder workload(String model) {
        return new WorkloadBuilder(model);
    }

    /** Builds a {@link Workload}; defaults: 1 call per request, no cache, all on-demand. */
    public static final class WorkloadBuilder {
        private final String model;
        private String name = "w";
        private BigDecimal requests = BigDecimal.ZERO;
        private BigDecimal calls = BigDecimal.ONE;
        private BigDecimal input = BigDecimal.ZERO;
        private BigDecimal output = BigDecimal.ZERO;
        private Workload.Cache cache;
        private final Map<Mode, BigDecimal> mix = new EnumMap<>(Mode.class);
        private Workload.ProvisionedUse provisioned;
        private BigDecimal guardrails;
        private BigDecimal egress;
        private BigDecimal knowledgeBases;
        private Workload.FineTuning fineTuning;
        private BigDecimal growth;

        WorkloadBuilder(String model) {
            this.model = model;
        }

        public WorkloadBuilder name(String value) {
            name = value;
            return this;
        }

        public WorkloadBuilder requests(String value) {
            requests = d(value);
            return this;
        }

        public WorkloadBuilder calls(String value) {
            calls = d(value);
            return this;
        }

        public WorkloadBuilder shape(String in, String out) {
            input = d(in);
            output = d(out);
            return this;
        }

        public WorkloadBuilder cache(String prefix, String hitRate) {
            cache = new Workload.Cache(d(prefix), d(hitRate));
            return this;
        }

        public WorkloadBuilder mix(Mode mode, String share) {
            mix.put(mode, d(share));
            return this;
        }

        public WorkloadBuilder provisioned(String units, String term) {
            provisioned = new Workload.ProvisionedUse(d(units), term);
            return this;
        }

        public WorkloadBuilder guardrails(String unitsPerRequest) {
            guardrails = d(unitsPerRequest);
            return this;
        }

        public WorkloadBuilder egress(String gb) {
            egress = d(gb);
            return this;
        }

        public WorkloadBuilder knowledgeBases(String count) {
            knowledgeBases = d(count);
            return this;
        }

        public WorkloadBuilder fineTuning(String tokens, String epochs, String stored) {
            fineTuning = new Workload.FineTuning(d(tokens), d(epochs), d(stored));
            return this;
        }

        public WorkloadBuilder growth(String value) {
            growth = d(value);
            return this;
        }

        public Workload build() {
            return new Workload(name, model, null, requests, calls, input, output, cache, mix, provisioned,
                    guardrails, egress, knowledgeBases == null ? null : Workload.KnowledgeBaseUse.plain(knowledgeBases),
                    fineTuning, growth, null, null, null, null, java.util.Map.of());
        }
    }
}
