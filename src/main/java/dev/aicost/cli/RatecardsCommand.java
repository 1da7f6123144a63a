package dev.aicost.cli;

import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.ratecards.RateCardDiff;
import dev.aicost.render.RateCardsRenderer;
import dev.aicost.input.InputException;
import dev.aicost.input.Problem;
import dev.aicost.input.RateCardRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aicost ratecards}: list, show, validate, diff and import rate cards. */
@Command(name = "ratecards",
        description = {"Keep rate cards current and trustworthy: list them with their dates, show their prices,",
            "validate files, diff two versions, and import LiteLLM or AWS Price List data."},
        subcommands = {RatecardsCommand.ListCards.class, RatecardsCommand.Show.class, RatecardsCommand.Validate.class,
            RatecardsCommand.Diff.class, RatecardsImportCommand.class},
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_INTERNAL, ExitCodes.LIST_BAD_INPUT, "3:ratecards diff --fail-on-change found changes"},
        footerHeading = "%nExamples:%n",
        footer = {"  aicost ratecards list", "  aicost ratecards show aws-bedrock-us-east-1 --model anthropic.claude-sonnet-4-5",
            "  aicost ratecards validate ratecards/*.yaml",
            "  aicost ratecards diff aws-bedrock-us-east-1 new-card.yaml --fail-on-change",
            "  aicost ratecards import litellm prices.json --provider bedrock --prefix us. --id my-card -o my-card.yaml",
})
public final class RatecardsCommand implements Runnable {
    /** Cards whose 'checked' date is older than this many days are flagged. */
    static final int STALE_DAYS = 90;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static RateCard load(RateCardRepository repository, String reference) {
        return repository.load(reference, null, reference);
    }

    /** {@code ratecards list}. */
    @Command(name = "list", description = "The cards aicost finds, with their dates.")
    static final class ListCards implements Callable<Integer>, Specs.WithOptionGroups {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--today", hidden = true, description = "the date to judge staleness by (tests)")
        LocalDate today;

        final OutputOptions output = new OutputOptions();

        @Override
        public void addOptionGroups(picocli.CommandLine.Model.CommandSpec commandSpec) {
            output.addTo(commandSpec);
        }

        @Override
        public Integer call() {
            RateCardRepository repository = RateCardRepository.fromSystem();
            LocalDate now = today == null ? LocalDate.now() : today;
            List<RateCardsRenderer.Listed> rows = new ArrayList<>();
            List<Problem> invalidCards = new ArrayList<>();
            for (String id : repository.builtInIds()) {
                String status;
                RateCard card = null;
                try {
                    card = load(repository, id);
                    long age = ChronoUnit.DAYS.between(LocalDate.parse(card.checked()), now);
                    status = age > STALE_DAYS ? "stale: checked " + age + " days ago" : "ok";
                } catch (InputException e) {
                    invalidCards.addAll(e.problems());
                    status = "invalid: " + e.problems().get(0).render();
                }
                rows.add(new RateCardsRenderer.Listed(id, repository.locate(id), card, status));
            }
            output.emit(spec, RateCardsRenderer.list(rows, repository.folders(), output.format, output.width(),
                    output.color()));
            for (Problem problem : invalidCards) {
                spec.commandLine().getErr().println("error: " + problem.render());
            }
            spec.commandLine().getErr().flush();
            return invalidCards.isEmpty() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
        }
    }

    /** {@code ratecards show}. */
    @Command(name = "show", description = "The prices of a card, or of one model.")
    static final class Show implements Callable<Integer>, Specs.WithOptionGroups {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID|FILE", completionCandidates = Candidates.CardIds.class,
                description = "a card id (see 'ratecards list') or a card file")
        String card;

        @Option(names = "--model", paramLabel = "M", description = "one model, with every mode's resolved prices")
        String model;

        final OutputOptions output = new OutputOptions();

        @Override
        public void addOptionGroups(picocli.CommandLine.Model.CommandSpec commandSpec) {
            output.addTo(commandSpec);
        }

        @Override
        public Integer call() {
            RateCard rateCard = load(RateCardRepository.fromSystem(), card);
            ModelPrice one = model == null ? null : rateCard.find(model).orElseThrow(() -> InputException.of(
                    "--model", dev.aicost.input.Suggest.unknownModel(model, rateCard)));
            output.emit(spec, RateCardsRenderer.show(rateCard, one, output.format, output.width(), output.color()));
            return ExitCodes.OK;
        }
    }

    /** {@code ratecards validate}. */
    @Command(name = "validate",
            description = "Check card files strictly; every problem is reported with line:column.")
    static final class Validate implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "card files (schema aicost/ratecard/v1)")
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
    @Command(name = "diff",
            description = "Models added and removed, and every price that changed, with the percent change.")
    static final class Diff implements Callable<Integer>, Specs.WithOptionGroups {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "OLD", completionCandidates = Candidates.CardIds.class,
                description = "the earlier card: an id or a file")
        String before;

        @Parameters(index = "1", paramLabel = "NEW", completionCandidates = Candidates.CardIds.class,
                description = "the newer card: an id or a file")
        String after;

        @Option(names = "--fail-on-change", description = "exit 3 when anything changed (for a nightly job)")
        boolean failOnChange;

        final OutputOptions output = new OutputOptions();

        @Override
        public void addOptionGroups(picocli.CommandLine.Model.CommandSpec commandSpec) {
            output.addTo(commandSpec);
        }

        @Override
        public Integer call() {
            RateCardRepository repository = RateCardRepository.fromSystem();
            RateCard old = load(repository, before);
            RateCard now = load(repository, after);
            RateCardDiff.Result diff = RateCardDiff.diff(old, now);
            output.emit(spec, RateCardsRenderer.diff(old, now, diff, output.format, output.width(), output.color()));
            if (failOnChange && !diff.isEmpty()) {
                throw new GuardrailException(old.id() + " and " + now.id() + " differ: " + diff.added().size()
                        + " added, " + diff.removed().size() + " removed, " + diff.changes().size() + " prices changed");
            }
            return ExitCodes.OK;
        }
    }
}
