package dev.aicost.cli;

import dev.aicost.model.Mode;
import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.model.TokenPrices;
import dev.aicost.pricing.ModeRates;
import dev.aicost.ratecards.RateCardDiff;
import dev.aicost.render.Numbers;
import dev.aicost.render.TextTable;
import dev.aicost.render.TextTable.Column;
import dev.aicost.spec.InputException;
import dev.aicost.spec.Problem;
import dev.aicost.spec.RateCardRepository;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aicost ratecards}: list, show, validate, diff and import rate cards. */
@Command(name = "ratecards", mixinStandardHelpOptions = true,
        description = {"Keep rate cards current and trustworthy: list them with their dates, show their prices,",
            "validate files, diff two versions, and import LiteLLM or AWS Price List data."},
        subcommands = {RatecardsCommand.ListCards.class, RatecardsCommand.Show.class, RatecardsCommand.Validate.class,
            RatecardsCommand.Diff.class, RatecardsImportCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  aicost ratecards list", "  aicost ratecards show aws-bedrock-us-east-1 --model anthropic.claude-sonnet-4-5",
            "  aicost ratecards validate ratecards/*.yaml",
            "  aicost ratecards diff aws-bedrock-us-east-1 new-card.yaml --fail-on-change",
            "  aicost ratecards import litellm prices.json --provider bedrock --prefix us. --id my-card -o my-card.yaml",
            "", "Exit codes: 0 ok, 1 internal error, 2 bad input or an invalid card, 3 diff found changes "
                    + "(--fail-on-change)."})
public final class RatecardsCommand implements Runnable {
    /** Cards whose 'checked' date is older than this many days are flagged. */
    static final int STALE_DAYS = 90;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static void print(picocli.CommandLine.Model.CommandSpec spec, OutputOptions output, String text) {
        output.emit(spec, text);
    }

    static RateCard load(RateCardRepository repository, String reference) {
        return repository.load(reference, null, reference);
    }

    /** {@code ratecards list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "The cards aicost finds, with their dates.")
    static final class ListCards implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--today", hidden = true, description = "the date to judge staleness by (tests)")
        LocalDate today;

        @Mixin
        OutputOptions output;

        @Override
        public Integer call() {
            RateCardRepository repository = RateCardRepository.fromSystem();
            LocalDate now = today == null ? LocalDate.now() : today;
            TextTable table = new TextTable(List.of(new Column("ID", false, 9), new Column("PROVIDER", false, 6),
                    new Column("REGION", false, 5), new Column("CURRENCY", false, 3), new Column("MODELS", true, 7),
                    new Column("EFFECTIVE", false, 6), new Column("CHECKED", false, 8), new Column("STATUS", false, 9)));
            StringBuilder json = new StringBuilder("{\n  \"schema\": \"aicost/ratecards/v1\",\n  \"cards\": [");
            boolean invalid = false;
            int index = 0;
            for (String id : repository.builtInIds()) {
                Path file = repository.locate(id);
                String status;
                RateCard card = null;
                try {
                    card = load(repository, id);
                    long age = ChronoUnit.DAYS.between(LocalDate.parse(card.checked()), now);
                    status = age > STALE_DAYS ? "stale: checked " + age + " days ago" : "ok";
                } catch (InputException e) {
                    invalid = true;
                    status = "invalid: " + e.problems().get(0).render();
                }
                table.row(status.equals("ok") ? TextTable.Style.PLAIN : TextTable.Style.WARN, id,
                        card == null ? "" : card.provider(), card == null || card.region() == null ? "" : card.region(),
                        card == null ? "" : card.currency(), card == null ? "" : String.valueOf(card.models().size()),
                        card == null ? "" : card.effective(), card == null ? "" : card.checked(), status);
                json.append(index++ == 0 ? "\n" : ",\n").append("    {\"id\": ").append(quote(id))
                        .append(", \"file\": ").append(quote(String.valueOf(file)))
                        .append(card == null ? "" : ", \"provider\": " + quote(card.provider()) + ", \"region\": "
                                + (card.region() == null ? "null" : quote(card.region())) + ", \"currency\": "
                                + quote(card.currency()) + ", \"models\": " + card.models().size()
                                + ", \"effective\": " + quote(card.effective()) + ", \"checked\": "
                                + quote(card.checked()))
                        .append(", \"status\": ").append(quote(status)).append('}');
            }
            json.append("\n  ]\n}\n");
            String text = switch (output.format) {
                case JSON -> json.toString();
                case MARKDOWN -> table.markdown();
                default -> table.render(output.width(), output.color()) + "Folders searched: "
                        + String.join(", ", repository.folders().stream().map(Path::toString).toList()) + "\n";
            };
            output.emit(spec, text);
            return invalid ? ExitCodes.BAD_INPUT : ExitCodes.OK;
        }
    }

    /** {@code ratecards show}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "The prices of a card, or of one model.")
    static final class Show implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID|FILE")
        String card;

        @Option(names = "--model", paramLabel = "M", description = "one model, with every mode's resolved prices")
        String model;

        @Mixin
        OutputOptions output;

        @Override
        public Integer call() {
            RateCard rateCard = load(RateCardRepository.fromSystem(), card);
            String cur = rateCard.currency();
            StringBuilder out = new StringBuilder(rateCard.id() + " · " + rateCard.provider()
                    + (rateCard.region() == null ? "" : " · " + rateCard.region()) + " · " + cur + " per 1M tokens"
                    + " · effective " + rateCard.effective() + " · checked " + rateCard.checked() + "\nsource: "
                    + rateCard.source() + "\n\n");
            if (model == null) {
                TextTable table = new TextTable(List.of(new Column("MODEL", false, 9), new Column("TIER", true, 5),
                        new Column("INPUT", true, 8), new Column("OUTPUT", true, 8), new Column("CACHE WRITE", true, 4),
                        new Column("CACHE READ", true, 4), new Column("BATCH IN/OUT", true, 3),
                        new Column("PROVISIONED /h", false, 2)));
                for (ModelPrice m : rateCard.models().values()) {
                    TokenPrices batch = ModeRates.resolve(m, rateCard.defaults(), Mode.BATCH, false);
                    table.row(m.id(), m.tier() == null ? "" : String.valueOf(m.tier()), price(m.standard().input(), cur),
                            price(m.standard().output(), cur), price(m.standard().cacheWrite(), cur),
                            price(m.standard().cacheRead(), cur), batch.input() == null ? "" : price(batch.input(), cur)
                                    + " / " + price(batch.output(), cur),
                            m.provisioned() == null ? "" : String.join(" ", m.provisioned().hourly().entrySet().stream()
                                    .map(e -> e.getKey() + " " + price(e.getValue(), cur)).toList()));
                }
                out.append(output.format == dev.aicost.render.Format.MARKDOWN ? table.markdown()
                        : table.render(output.width(), output.color()));
            } else {
                ModelPrice m = rateCard.find(model).orElseThrow(() -> InputException.of("--model", "unknown model '"
                        + model + "' on " + rateCard.id() + "; closest: " + String.join(", ",
                                dev.aicost.spec.Suggest.closest(model, rateCard.names(), 3))));
                out.append(m.id()).append(" (").append(m.name()).append(")").append(m.tier() == null ? ""
                        : ", tier " + m.tier()).append('\n');
                if (!m.aliases().isEmpty()) {
                    out.append("aliases: ").append(String.join(", ", m.aliases())).append('\n');
                }
                TextTable table = new TextTable(List.of(new Column("MODE", false, 9), new Column("INPUT", true, 8),
                        new Column("OUTPUT", true, 8), new Column("CACHE WRITE", true, 6),
                        new Column("CACHE READ", true, 6)));
                for (boolean longContext : m.longContext() == null ? new boolean[] {false} : new boolean[] {false, true}) {
                    for (Mode mode : Mode.values()) {
                        TokenPrices p = ModeRates.resolve(m, rateCard.defaults(), mode, longContext);
                        table.row(mode.key() + (longContext ? " (above " + m.longContext().aboveTokens() + ")" : ""),
                                price(p.input(), cur), price(p.output(), cur), price(p.cacheWrite(), cur),
                                price(p.cacheRead(), cur));
                    }
                }
                out.append(table.render(output.width(), output.color()));
                if (m.training() != null) {
                    out.append("training: ").append(price(m.training(), cur)).append(" per 1M tokens\n");
                }
                if (m.provisioned() != null) {
                    out.append("provisioned: ").append(String.join(", ", m.provisioned().hourly().entrySet().stream()
                            .map(e -> e.getKey() + " " + price(e.getValue(), cur) + "/h").toList()))
                            .append("; one unit ").append(m.provisioned().modelUnitTpm() == null ? "unknown"
                                    : m.provisioned().modelUnitTpm().toPlainString()).append(" tokens/min")
                            .append(m.provisioned().tpmAssumed() ? " (assumed)" : "").append('\n');
                }
            }
            output.emit(spec, out.toString());
            return ExitCodes.OK;
        }

        private static String price(BigDecimal value, String cur) {
            return value == null ? "—" : Numbers.rate(value, cur);
        }
    }

    /** {@code ratecards validate}. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check card files strictly; every problem is reported with line:column.")
    static final class Validate implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "1..*")
        List<Path> files = new ArrayList<>();

        @Override
        public Integer call() {
            RateCardRepository repository = RateCardRepository.fromSystem();
            List<Problem> problems = new ArrayList<>();
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    problems.add(new Problem(file.toString(), 0, 0, null, "file not found"));
                    continue;
                }
                try {
                    RateCard card = repository.load(file.toString().contains("/") ? file.toString()
                            : "./" + file, null, file.toString());
                    spec.commandLine().getOut().println("ok: " + file + " (" + card.id() + ", " + card.models().size()
                            + " models)");
                } catch (InputException e) {
                    problems.addAll(e.problems());
                }
            }
            spec.commandLine().getOut().flush();
            if (!problems.isEmpty()) {
                throw new InputException(problems);
            }
            return ExitCodes.OK;
        }
    }

    /** {@code ratecards diff}. */
    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "Models added and removed, and every price that changed, with the percent change.")
    static final class Diff implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "OLD")
        String before;

        @Parameters(index = "1", paramLabel = "NEW")
        String after;

        @Option(names = "--fail-on-change", description = "exit 3 when anything changed (for a nightly job)")
        boolean failOnChange;

        @Mixin
        OutputOptions output;

        @Override
        public Integer call() {
            RateCardRepository repository = RateCardRepository.fromSystem();
            RateCard old = load(repository, before);
            RateCard now = load(repository, after);
            RateCardDiff.Result diff = RateCardDiff.diff(old, now);
            String cur = now.currency();
            String text;
            if (output.format == dev.aicost.render.Format.JSON) {
                StringBuilder json = new StringBuilder("{\n  \"schema\": \"aicost/ratecard-diff/v1\",\n  \"old\": "
                        + quote(old.id()) + ",\n  \"new\": " + quote(now.id()) + ",\n  \"added\": " + list(diff.added())
                        + ",\n  \"removed\": " + list(diff.removed()) + ",\n  \"changed\": [");
                for (int i = 0; i < diff.changes().size(); i++) {
                    RateCardDiff.Change c = diff.changes().get(i);
                    json.append(i == 0 ? "\n" : ",\n").append("    {\"model\": ").append(quote(c.model()))
                            .append(", \"field\": ").append(quote(c.field())).append(", \"old\": ")
                            .append(c.before() == null ? "null" : quote(c.before().toPlainString())).append(", \"new\": ")
                            .append(c.after() == null ? "null" : quote(c.after().toPlainString())).append(", \"pct\": ")
                            .append(c.percent() == null ? "null" : c.percent().setScale(2,
                                    java.math.RoundingMode.HALF_EVEN).toPlainString()).append('}');
                }
                text = json.append("\n  ]\n}\n").toString();
            } else {
                StringBuilder out = new StringBuilder(old.id() + " -> " + now.id() + ": " + diff.added().size()
                        + " added, " + diff.removed().size() + " removed, " + diff.changes().size()
                        + " prices changed\n");
                for (String id : diff.added()) {
                    out.append("+ ").append(id).append('\n');
                }
                for (String id : diff.removed()) {
                    out.append("- ").append(id).append('\n');
                }
                if (!diff.changes().isEmpty()) {
                    TextTable table = new TextTable(List.of(new Column("MODEL", false, 9), new Column("FIELD", false, 8),
                            new Column("OLD", true, 7), new Column("NEW", true, 7), new Column("CHANGE", true, 6)));
                    for (RateCardDiff.Change c : diff.changes()) {
                        table.row(c.model(), c.field(), c.before() == null ? "—" : Numbers.rate(c.before(), cur),
                                c.after() == null ? "—" : Numbers.rate(c.after(), cur),
                                c.percent() == null ? "" : Numbers.signedPercent(c.percent()));
                    }
                    out.append(output.format == dev.aicost.render.Format.MARKDOWN ? table.markdown()
                            : table.render(output.width(), output.color()));
                }
                text = out.toString();
            }
            output.emit(spec, text);
            if (failOnChange && !diff.isEmpty()) {
                throw new GuardrailException(old.id() + " and " + now.id() + " differ: " + diff.added().size()
                        + " added, " + diff.removed().size() + " removed, " + diff.changes().size() + " prices changed");
            }
            return ExitCodes.OK;
        }

        private static String list(List<String> values) {
            return "[" + String.join(", ", values.stream().map(RatecardsCommand::quote).toList()) + "]";
        }
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
