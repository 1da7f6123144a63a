package dev.aicost.cli;

import dev.aicost.edp.EdpAdvice;
import dev.aicost.edp.EdpCalculator;
import dev.aicost.edp.EdpResult;
import dev.aicost.edp.EdpScenario;
import dev.aicost.render.EdpRenderer;
import dev.aicost.report.EdpReport;
import dev.aicost.input.EdpSpecReader;
import dev.aicost.input.YamlLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aicost edp}: EDP commitment scenarios side by side, and a negotiation sheet. */
@Command(name = "edp", sortOptions = false, usageHelpAutoWidth = true,
        description = {"AWS Enterprise Discount Program scenarios against a list-price spend forecast: net spend,",
            "shortfall, support fee, savings, the commit gap that absorbs AI spend, break-even and safe",
            "commits; --format markdown writes a negotiation sheet for procurement."},
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_INTERNAL, ExitCodes.LIST_BAD_INPUT},
        footerHeading = "%nExamples:%n",
        footer = {"  aicost edp examples/edp.yaml", "  aicost edp examples/edp.yaml --format markdown -o edp-sheet.md",
})
public final class EdpCommand implements Callable<Integer>, Specs.WithOptionGroups {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EDP.yaml", description = "EDP spec (schema aicost/edp/v1)")
    Path specFile;

    final OutputOptions output = new OutputOptions();

    @Override
    public void addOptionGroups(picocli.CommandLine.Model.CommandSpec commandSpec) {
        output.addTo(commandSpec);
    }

    @Override
    public Integer call() {
        EdpSpecReader.EdpSpec edp = EdpSpecReader.read(YamlLoader.load(specFile), specFile.toString());
        List<EdpResult> results = new ArrayList<>();
        for (EdpScenario scenario : edp.scenarios()) {
            results.add(EdpCalculator.evaluate(scenario, edp.inputs()));
        }
        EdpReport report = new EdpReport(specFile.toString(), edp.currency(), edp.inputs(), edp.aiFrom(), results,
                EdpAdvice.advise(results));
        String text = EdpRenderer.render(report, output.format, output.width(), output.color());
        output.emit(spec, text);
        return ExitCodes.OK;
    }
}
