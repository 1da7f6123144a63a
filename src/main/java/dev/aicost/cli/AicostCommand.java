package dev.aicost.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The root command: lists the subcommands. Its model, and those of {@code estimate} and
 * {@code usage} (the one-shot commands of scripts), are built through picocli's programmatic API;
 * the other subcommands are read from their annotations, and only when they are run.
 */
public final class AicostCommand implements Runnable {
    /** The subcommands' names, in the order help lists them. */
    static final java.util.List<String> SUBCOMMANDS = java.util.List.of("estimate", "breakeven", "route", "edp", "usage",
            "ratecards", "config", "shell", "completion");

    /** The subcommand {@code name}, built only when needed (a switch: no other command's class is loaded). */
    static Object subcommand(String name) {
        switch (name) {
            case "estimate":
                return new EstimateCommand().spec();
            case "breakeven":
                return new BreakevenCommand();
            case "route":
                return new RouteCommand();
            case "edp":
                return new EdpCommand();
            case "usage":
                return new UsageCommand().spec();
            case "ratecards":
                return new RatecardsCommand();
            case "config":
                return new ConfigCommand();
            case "shell":
                return new ShellCommand();
            case "completion":
                return new CompletionCommand();
            default:
                throw new IllegalArgumentException("no subcommand " + name);
        }
    }

    private CommandSpec spec;

    /** The command line for {@code args}: only the subcommand they name, or all of them. */
    static CommandLine commandLine(String... args) {
        AicostCommand root = new AicostCommand();
        root.spec = CommandSpec.wrapWithoutInspection(root).name("aicost").versionProvider(new Version());
        root.spec.usageMessage().description("What generative-AI inference will cost, and how to pay less.", "")
                .exitCodeListHeading(ExitCodes.HEADING)
                .exitCodeList(Specs.exitCodes(ExitCodes.LIST_OK, ExitCodes.LIST_INTERNAL, ExitCodes.LIST_BAD_INPUT,
                        ExitCodes.LIST_GUARDRAIL))
                .footerHeading("%nExample:%n").footer("  aicost estimate examples/support-chatbot.yaml --months 12");
        Specs.addStandardHelp(root.spec);
        CommandLine cli = new CommandLine(root.spec);
        String first = args.length > 0 ? args[0] : null;
        if (first != null && SUBCOMMANDS.contains(first) && !first.equals("completion") && !first.equals("shell")) {
            add(cli, first, subcommand(first));
        } else {
            for (String name : SUBCOMMANDS) {
                add(cli, name, subcommand(name));
            }
            cli.addSubcommand("help", new CommandLine.HelpCommand());
        }
        return cli;
    }

    /**
     * Adds a subcommand: a programmatic model as it is; an annotated one with its shared option
     * groups and the standard help options added to it and to each of its own subcommands.
     */
    private static void add(CommandLine root, String name, Object command) {
        if (command instanceof CommandSpec spec) {
            root.addSubcommand(name, spec);
            return;
        }
        CommandLine sub = new CommandLine(command);
        completeAnnotated(sub);
        root.addSubcommand(name, sub);
    }

    private static void completeAnnotated(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        if (spec.userObject() instanceof Specs.WithOptionGroups groups) {
            groups.addOptionGroups(spec);
        }
        Specs.addStandardHelp(spec);
        for (CommandLine sub : command.getSubcommands().values()) {
            if (!(sub.getCommandSpec().userObject() instanceof CommandLine.HelpCommand)) {
                completeAnnotated(sub);
            }
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
