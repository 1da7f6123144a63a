package dev.aicost.cli;

import picocli.CommandLine.Command;

/** The root command: lists the subcommands. */
@Command(name = "aicost", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"What generative-AI inference will cost, and how to pay less.", ""},
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_INTERNAL,
            ExitCodes.LIST_BAD_INPUT, ExitCodes.LIST_GUARDRAIL},
        footerHeading = "%nExample:%n", footer = {"  aicost estimate examples/support-chatbot.yaml --months 12"})
public final class AicostCommand implements Runnable {
    /** The subcommands, built only when needed: picocli reflects on each one it is given. */
    static final java.util.Map<String, java.util.function.Supplier<Object>> SUBCOMMANDS = subcommands();

    private static java.util.Map<String, java.util.function.Supplier<Object>> subcommands() {
        java.util.Map<String, java.util.function.Supplier<Object>> map = new java.util.LinkedHashMap<>();
        map.put("estimate", EstimateCommand::new);
        map.put("breakeven", BreakevenCommand::new);
        map.put("route", RouteCommand::new);
        map.put("edp", EdpCommand::new);
        map.put("usage", UsageCommand::new);
        map.put("ratecards", RatecardsCommand::new);
        map.put("shell", ShellCommand::new);
        map.put("completion", CompletionCommand::new);
        return java.util.Collections.unmodifiableMap(map);
    }

    /** The command line for {@code args}: only the subcommand they name, or all of them. */
    static picocli.CommandLine commandLine(String... args) {
        picocli.CommandLine cli = new picocli.CommandLine(new AicostCommand());
        String first = args.length > 0 ? args[0] : null;
        if (first != null && SUBCOMMANDS.containsKey(first) && !first.equals("completion") && !first.equals("shell")) {
            cli.addSubcommand(first, SUBCOMMANDS.get(first).get());
        } else {
            SUBCOMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
            cli.addSubcommand("help", new picocli.CommandLine.HelpCommand());
        }
        return cli;
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
