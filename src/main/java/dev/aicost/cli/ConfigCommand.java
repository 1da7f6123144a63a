package dev.aicost.cli;

import dev.aicost.render.SettingsRenderer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code aicost config show}: the defaults in force and where each comes from. */
@Command(name = "config",
        description = {"The defaults aicost runs with: flags > environment > config file > built-in."},
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_INTERNAL,
            ExitCodes.LIST_BAD_INPUT},
        subcommands = ConfigCommand.Show.class)
public final class ConfigCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code config show}. */
    @Command(name = "show", sortOptions = false,
            description = {"Each setting (ratecard, format, hours_per_month, colour) with its value and where it came",
                "from. The file is $XDG_CONFIG_HOME/aicost/config.yaml (~/.config/aicost/config.yaml):",
                "  ratecard: aws-bedrock-us-east-1",
                "  format: json",
                "  hours_per_month: 730"},
            footerHeading = "%nExamples:%n",
            footer = {"  aicost config show", "  AICOST_FORMAT=json aicost config show"})
    static final class Show implements Callable<Integer>, Specs.WithOptionGroups {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        final OutputOptions output = new OutputOptions();

        @Override
        public void addOptionGroups(picocli.CommandLine.Model.CommandSpec commandSpec) {
            output.addTo(commandSpec);
        }

        @Override
        public Integer call() {
            Defaults defaults = Defaults.current();
            List<SettingsRenderer.Row> rows = new ArrayList<>();
            for (Defaults.Setting s : defaults.all()) {
                String value = s.value();
                String source = s.source();
                if (s.name().equals("format") && spec.commandLine().getParseResult().hasMatchedOption("--format")) {
                    value = output.format.name().toLowerCase(java.util.Locale.ROOT);
                    source = "--format";
                }
                rows.add(new SettingsRenderer.Row(s.name(), value, source));
            }
            rows.add(colour());
            List<String> notes = List.of("ratecard applies where neither --ratecard nor the input names a card; "
                    + "a spec's 'ratecard:' still wins over it");
            output.emit(spec, SettingsRenderer.render(rows, defaults.file().toString(), Files.exists(defaults.file()),
                    notes, output.format, output.width(), output.color()));
            return ExitCodes.OK;
        }

        private SettingsRenderer.Row colour() {
            java.util.Map<String, String> env = Main.environment;
            if (env.get("NO_COLOR") != null && !env.get("NO_COLOR").isEmpty()) {
                return new SettingsRenderer.Row("color", "off", "NO_COLOR");
            }
            if (OutputOptions.forceColor(env)) {
                return new SettingsRenderer.Row("color", "on", "FORCE_COLOR");
            }
            return new SettingsRenderer.Row("color", "auto", "built-in (tables on a terminal; --no-color turns it off)");
        }
    }
}
