package dev.aicost.cli;

import dev.aicost.ratecards.AwsPriceListImporter;
import dev.aicost.ratecards.CardHeader;
import dev.aicost.ratecards.ImportResult;
import dev.aicost.ratecards.LiteLlmImporter;
import dev.aicost.render.RateCardYaml;
import dev.aicost.input.InputException;
import dev.aicost.input.JsonTree;
import dev.aicost.input.RateCardReader;
import dev.aicost.input.YamlLoader;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aicost ratecards import litellm|aws-pricelist}: a card from public machine-readable prices. */
@Command(name = "import",
        description = "Write a rate card from LiteLLM's price map or an AWS Price List offer file.",
        subcommands = {RatecardsImportCommand.LiteLlm.class, RatecardsImportCommand.AwsPriceList.class})
public final class RatecardsImportCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every importer takes. */
    abstract static class Common implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE|URL", description = {"the price file, or an http(s) URL to "
            + "fetch it from (the only time aicost uses the network)"})
        String file;

        @Option(names = "--id", required = true, paramLabel = "ID", description = "the new card's id")
        String id;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "CARD.yaml", description = "where to write it")
        Path output;

        @Option(names = "--effective", paramLabel = "DATE", description = "date the prices took effect (default today)")
        LocalDate effective;

        @Option(names = "--source", paramLabel = "URL", description = "where the prices came from")
        String source;

        abstract ImportResult importFrom(Map<String, Object> json, CardHeader header);

        abstract String provider();

        abstract String region();

        abstract String defaultSource();

        @Override
        public Integer call() {
            if (!id.matches("[A-Za-z0-9._-]+")) {
                throw InputException.of("--id", "use letters, digits, '.', '_' and '-' only, got '" + id + "'");
            }
            boolean remote = dev.aicost.input.RemoteFile.isUrl(file);
            Map<String, Object> json = remote ? dev.aicost.input.RemoteFile.readObject(file)
                    : JsonTree.readObject(Path.of(file));
            String today = LocalDate.now().toString();
            CardHeader header = new CardHeader(id, provider(), region(), "USD",
                    effective == null ? today : effective.toString(), today,
                    source != null ? source : remote ? file : defaultSource());
            ImportResult result;
            try {
                result = importFrom(json, header);
            } catch (dev.aicost.input.JsonTree.Bad e) {
                throw new InputException(e.problem(file));
            }
            if (result.card().models().isEmpty()) {
                throw InputException.of(file, "no model could be imported (" + result.skipped().size()
                        + " entries skipped; the first: " + (result.skipped().isEmpty() ? "none"
                                : result.skipped().get(0).key() + ": " + result.skipped().get(0).reason()) + ")");
            }
            List<String> comments = new ArrayList<>();
            comments.add("Imported by 'aicost ratecards import' from " + (remote ? file : Path.of(file).getFileName())
                    + " on " + today + ".");
            result.notes().forEach(note -> comments.add("Note: " + note + "."));
            String yaml = RateCardYaml.write(result.card(), comments);
            // the card must read back strictly before it is written
            // the card must read back strictly before it is written; what fails came from the input
            try {
                RateCardReader.read(YamlLoader.load(output.toString(), new StringReader(yaml)), output.toString());
            } catch (InputException e) {
                throw new InputException(e.problems().stream().map(p -> new dev.aicost.input.Problem(file,
                        0, 0, p.path(), p.message() + " (a value imported from this file; nothing was written to "
                        + output + ")")).toList());
            }
            AtomicFile.write(output, yaml);
            StringBuilder report = new StringBuilder("wrote " + output + ": " + result.card().models().size()
                    + (result.card().models().size() == 1 ? " model, " : " models, ") + result.skipped().size() + " entries skipped\n");
            Map<String, Integer> reasons = new TreeMap<>();
            java.util.Set<String> otherProviders = new java.util.TreeSet<>();
            int other = 0;
            for (dev.aicost.ratecards.ImportResult.Skipped s : result.skipped()) {
                if (s.reason().startsWith("provider ")) { // thousands of lines in a whole LiteLLM map: one line
                    otherProviders.add(s.reason().substring("provider ".length()));
                    other++;
                } else {
                    reasons.merge(s.reason().replaceAll("'[^']*'", "'…'"), 1, Integer::sum);
                }
            }
            if (other > 0) {
                reasons.put("entries of " + otherProviders.size() + " other providers ("
                        + String.join(", ", otherProviders.stream().limit(5).toList())
                        + (otherProviders.size() > 5 ? ", ..." : "") + ")", other);
            }
            reasons.forEach((reason, count) -> report.append("  skipped ").append(count).append(": ").append(reason)
                    .append('\n'));
            result.notes().forEach(note -> report.append("  note: ").append(note).append('\n'));
            spec.commandLine().getOut().print(report);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    /** {@code import litellm}. */
    @Command(name = "litellm",
            description = {"From LiteLLM's model_prices_and_context_window.json (USD per token): base, _batches,",
                "_priority, _flex, cache read/write and _above_200k_tokens prices, converted exactly to per 1M."},
            footerHeading = "%nExamples:%n",
            footer = {"  aicost ratecards import litellm prices.json --provider bedrock --prefix us. \\",
                "      --id bedrock-litellm -o bedrock-litellm.yaml",
                "  aicost ratecards import litellm \\",
                "      https://raw.githubusercontent.com/BerriAI/litellm/main/\\",
                "model_prices_and_context_window.json \\",
                "      --provider azure --deployment global-standard --id azure-gs -o gs.yaml",
                "  aicost ratecards diff azure-openai gs.yaml"})
    static final class LiteLlm extends Common {
        @Option(names = "--provider", required = true, paramLabel = "P",
                description = "bedrock, azure, vertex, anthropic, openai, a litellm_provider value, or all")
        String provider;

        @Option(names = "--prefix", paramLabel = "PREFIX",
                description = "take inference-profile keys with this prefix (us., eu., global., ...) as aliases")
        String prefix;

        @Option(names = "--region", paramLabel = "R", description = "also take bedrock/R/model keys")
        String region;

        @Option(names = "--deployment", paramLabel = "TYPE", description = {"with azure: take one deployment type "
            + "(global-standard, global, eu, us, default for azure/MODEL keys, ai for azure_ai/MODEL, ai/global) under bare ids;",
            "without it every type is its own model (TYPE/MODEL)"})
        String deployment;

        @Override
        ImportResult importFrom(Map<String, Object> json, CardHeader header) {
            if (deployment != null && !provider.equals("azure") && !provider.startsWith("azure")) {
                throw InputException.of("--deployment", "applies to --provider azure only");
            }
            return LiteLlmImporter.importMap(json, provider, prefix, region, deployment, header);
        }

        @Override
        String provider() {
            return provider.equals("bedrock") ? "aws-bedrock" : provider;
        }

        @Override
        String region() {
            return region != null ? region : prefix == null ? null : prefix.replace(".", "");
        }

        @Override
        String defaultSource() {
            return "https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json";
        }
    }

    /** {@code import aws-pricelist}. */
    @Command(name = "aws-pricelist",
            description = {"From an AWS Price List offer file (AmazonBedrock): token prices by exact feature and",
                "inferenceType, 1K/1M units normalised, provisioned hourly prices; one region only."})
    static final class AwsPriceList extends Common {
        @Option(names = "--region", required = true, paramLabel = "R", description = "the regionCode to take")
        String region;

        @Override
        ImportResult importFrom(Map<String, Object> json, CardHeader header) {
            return AwsPriceListImporter.importOffer(json, region, header);
        }

        @Override
        String provider() {
            return "aws-bedrock";
        }

        @Override
        String region() {
            return region;
        }

        @Override
        String defaultSource() {
            return "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonBedrock/current/" + region
                    + "/index.json";
        }
    }
}
