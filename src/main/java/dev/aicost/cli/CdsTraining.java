package dev.aicost.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * Run once by the launcher under {@code -XX:ArchiveClassesAtExit} (JDK 17) or
 * {@code -XX:AOTCacheOutput} (JDK 25): first writes the start-up cache of the shipped cards
 * ({@code -Daicost.cardCache}), then runs the paths its archive is for. The launcher keeps one
 * archive for {@code estimate}, trained on a table and a JSON estimate alone; one for
 * {@code usage}, trained on a log read in both; and one for every other command, trained on all of
 * them: an estimate in every format, a breakeven, a route, an EDP sheet, a usage read, help, and a
 * bad-input error. An archive's classes are all loaded at every start, and such an estimate needs
 * 1,600 of the 2,450 classes the whole training loads.
 * Arguments: the aicost folder, then {@code estimate}, {@code usage} or {@code all} (the default).
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) {
        Path home = Path.of(args.length > 0 ? args[0] : ".");
        String group = args.length > 1 ? args[1] : "all";
        System.setProperty("aicost.home", home.toString());
        String cache = System.getProperty("aicost.cardCache");
        if (cache != null) {
            try {
                dev.aicost.input.RateCardRepository.fromSystem().writeCache(Path.of(cache));
            } catch (java.io.IOException e) {
                // the cache is only a start-up optimisation: the cards are read from YAML without it
            }
        }
        PrintWriter sink = new PrintWriter(new StringWriter());
        String example = home.resolve("examples/support-chatbot.yaml").toString();
        switch (group) {
            case "estimate" -> {
                for (String format : new String[] {"table", "json"}) {
                    Main.run(sink, sink, "estimate", example, "--format", format);
                }
            }
            case "usage" -> usage(sink);
            default -> everything(home, example, sink);
        }
    }

    private static void everything(Path home, String example, PrintWriter sink) {
        for (String format : new String[] {"table", "json", "csv", "markdown"}) {
            Main.run(sink, sink, "estimate", example, "--format", format, "--compare", "aws-bedrock-global");
        }
        Main.run(sink, sink, "estimate", "--help");
        Main.run(sink, sink, "estimate", home.resolve("does-not-exist.yaml").toString());
        String quote = home.resolve("examples/ratecards/account-team-quote.yaml").toString();
        for (String format : new String[] {"table", "json"}) {
            Main.run(sink, sink, "breakeven", "--ratecard", quote, "--model", "anthropic.claude-sonnet-4-5",
                    "--input-tokens", "3000", "--output-tokens", "400", "--format", format, "--profile",
                    home.resolve("examples/hourly-profile.csv").toString());
        }
        for (String format : new String[] {"table", "json"}) {
            Main.run(sink, sink, "route", home.resolve("examples/routing.yaml").toString(), "--format", format);
        }
        for (String format : new String[] {"table", "markdown"}) {
            Main.run(sink, sink, "edp", home.resolve("examples/edp.yaml").toString(), "--format", format);
        }
        usage(sink);
    }

    /** A two-line log, one record and one broken line, read in a table and in JSON. */
    private static void usage(PrintWriter sink) {
        try {
            java.nio.file.Path log = java.nio.file.Files.createTempFile("aicost-cds", ".jsonl");
            java.nio.file.Files.writeString(log, "{\"timestamp\":\"2026-10-01T10:00:00Z\",\"modelId\":"
                    + "\"anthropic.claude-haiku-4-5-20251001-v1:0\",\"input\":{\"inputTokenCount\":10},"
                    + "\"output\":{\"outputTokenCount\":5}}\n{broken\n");
            for (String format : new String[] {"table", "json"}) {
                Main.run(sink, sink, "usage", log.toString(), "--format", format);
            }
            java.nio.file.Files.deleteIfExists(log);
        } catch (java.io.IOException e) {
            // the archive is only a start-up optimisation: train without this path
        }
    }
}
