package dev.aicost.cli;

import picocli.CommandLine.Command;

/** The root command: lists the subcommands. */
@Command(name = "aicost", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"What generative-AI inference will cost, and how to pay less.", ""},
        subcommands = {EstimateCommand.class, BreakevenCommand.class, RouteCommand.class, EdpCommand.class,
            UsageCommand.class, RatecardsCommand.class,
            picocli.CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  unexpected internal error (stack trace with --debug)",
            "  2  bad input: usage, unreadable file, invalid YAML/CSV/JSON, schema or value error",
            "  3  a guardrail tripped: --budget exceeded or --fail-on-increase exceeded", "",
            "Example:", "  aicost estimate examples/support-chatbot.yaml --months 12"})
public final class AicostCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
