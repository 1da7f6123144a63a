package dev.aicost.cli;

import dev.aicost.render.Format;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code --format}, {@code --output}, {@code --no-color}: shared by every reporting command. */
public final class OutputOptions {
    Format format = Format.TABLE;
    Path output;
    boolean noColor;
    Integer width;
    boolean debug;
    boolean quiet;

    /** Adds these options to {@code spec}, bound to this object. */
    OutputOptions addTo(CommandSpec spec) {
        spec.addOption(Specs.bound(OptionSpec.builder("--format").paramLabel("FORMAT").type(Format.class)
                .defaultValue("table").description("table, json, csv or markdown (default: ${DEFAULT-VALUE})"),
                () -> format, v -> format = (Format) v).build());
        spec.addOption(Specs.bound(OptionSpec.builder("-o", "--output").paramLabel("FILE").type(Path.class)
                .description("write the report to FILE (atomically) instead of standard output"),
                () -> output, v -> output = (Path) v).build());
        spec.addOption(Specs.bound(OptionSpec.builder("--no-color").type(boolean.class).arity("0")
                .description("no colour (also: the NO_COLOR environment variable)"),
                () -> noColor, v -> noColor = (Boolean) v).build());
        spec.addOption(Specs.bound(OptionSpec.builder("--width").paramLabel("N").type(Integer.class)
                .description("fit tables to N columns (default: the terminal's width; 0: no limit)"),
                () -> width, v -> width = (Integer) v).build());
        spec.addOption(Specs.bound(OptionSpec.builder("--debug").type(boolean.class).arity("0")
                .description("show a stack trace on internal errors"), () -> debug, v -> debug = (Boolean) v).build());
        spec.addOption(Specs.bound(OptionSpec.builder("-q", "--quiet").type(boolean.class).arity("0")
                .description("for scripts: no progress bar, no warnings in table or markdown output (JSON keeps them)"),
                () -> quiet, v -> quiet = (Boolean) v).build());
        return this;
    }

    /** Writes the report to --output (atomically) or to the command's standard output. */
    void emit(picocli.CommandLine.Model.CommandSpec spec, String text) {
        if (output != null) {
            AtomicFile.write(output, text);
        } else {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        }
    }

    /** The warnings to show: none in text formats with --quiet. */
    java.util.List<String> shown(java.util.List<String> warnings) {
        return quiet && format != Format.JSON ? java.util.List.of() : warnings;
    }

    /**
     * Colour only for a table on an interactive terminal, unless turned off: {@code --no-color} and
     * {@code NO_COLOR} (no-color.org) turn it off, {@code FORCE_COLOR} (force-color.org: set and not
     * empty, {@code 0} or {@code false}) turns it on where there is no terminal, as in a pipe to
     * {@code less -R}. A file written with {@code --output} is never coloured.
     */
    boolean color() {
        java.util.Map<String, String> env = Main.environment;
        String noColorEnv = env.get("NO_COLOR");
        if (format != Format.TABLE || output != null || noColor || noColorEnv != null && !noColorEnv.isEmpty()) {
            return false;
        }
        return forceColor(env) || System.console() != null;
    }

    /** Whether FORCE_COLOR asks for colour: set, and not empty, "0" or "false". */
    static boolean forceColor(java.util.Map<String, String> env) {
        String force = env.get("FORCE_COLOR");
        return force != null && !force.isEmpty() && !force.equals("0") && !force.equalsIgnoreCase("false");
    }

    /** Width to fit tables to: AICOST_COLUMNS (set by the launcher), COLUMNS, or none when not a terminal. */
    int width() {
        if (width != null) {
            if (width < 0 || width > 10_000) {
                throw dev.aicost.input.InputException.of("--width", "must be 0 (no limit) or a number of columns up to "
                        + "10000, got " + width);
            }
            return width;
        }
        if (format != Format.TABLE || output != null) {
            return 0;
        }
        String shell = System.getProperty("aicost.columns");
        if (shell != null && shell.matches("\\d{2,4}")) {
            return Integer.parseInt(shell);
        }
        for (String variable : new String[] {"AICOST_COLUMNS", "COLUMNS"}) {
            String value = System.getenv(variable);
            if (value != null && value.matches("\\d{2,4}")) {
                return Integer.parseInt(value);
            }
        }
        return System.console() != null ? 100 : 0;
    }
}
