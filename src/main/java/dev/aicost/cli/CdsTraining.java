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
        System.setProperty("aicost.training", "true"); // logs are split (2 threads) or mapped (1) however small
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

    /**
     * A two-line log, one record and one broken line, read in a table and in JSON; then a log shaped
     * like Bedrock's, read by one thread (mapped) and by two (split, and read with read(2) as
     * several threads read), however small, as aicost.training asks.
     * The second loads the classes a real log needs (regions, days, cache counts, the mapped
     * windows and their method handles: 64 classes loaded at run time in a 400 MB read, 12 after),
     * and its records get the scanner compiled in training, which JDK 25's cache records and
     * replays in each run (400 MB log, 2 threads, 12 alternate runs: 0.944-0.949 of the time
     * before; a one-record log 0.951). The launcher stops that replay where it wants C2 instead.
     */
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
            java.nio.file.Path shaped = java.nio.file.Files.createTempFile("aicost-cds", ".jsonl");
            java.nio.file.Files.writeString(shaped, bedrockLog(TRAINING_RECORDS));
            for (String threads : new String[] {"1", "2"}) {
                for (String format : new String[] {"table", "json"}) {
                    Main.run(sink, sink, "usage", shaped.toString(), "--threads", threads, "--format", format);
                }
            }
            java.nio.file.Files.deleteIfExists(shaped);
        } catch (java.io.IOException e) {
            // the archive is only a start-up optimisation: train without this path
        }
    }

    /** Records in the shaped training log: enough to compile the scanner at C1's level, few enough to be quick. */
    public static final int TRAINING_RECORDS = 30;

    /**
     * {@code count} invocation-log records as Bedrock writes them (bodies with an escaped quote,
     * region, request metadata, cache counts), alternating two models, over two days and 24 hours.
     * Record i has i + 1000 input tokens, i % 7 cache reads and i % 50 + 100 output tokens.
     */
    public static String bedrockLog(int count) {
        StringBuilder log = new StringBuilder(count * 1000);
        String[] models = {"us.anthropic.claude-sonnet-4-5-20250929-v1:0", "amazon.nova-micro-v1:0"};
        for (int i = 0; i < count; i++) {
            int hour = i % 24;
            int output = 100 + i % 50;
            log.append("{\"schemaType\":\"ModelInvocationLog\",\"schemaVersion\":\"1.0\",\"timestamp\":\"2026-10-0")
                    .append(1 + i % 2).append('T').append(hour < 10 ? "0" : "").append(hour)
                    .append(":15:00Z\",\"accountId\":\"123456789012\",\"identity\":{\"arn\":"
                            + "\"arn:aws:sts::123456789012:assumed-role/app/session\"},\"region\":\"us-east-1\","
                            + "\"requestId\":\"r-").append(i)
                    .append("\",\"operation\":\"Converse\",\"modelId\":\"").append(models[i % 2])
                    .append("\",\"requestMetadata\":{\"team\":\"search\"},\"input\":{\"inputContentType\":"
                            + "\"application/json\",\"inputBodyJson\":{\"messages\":[{\"role\":\"user\",\"content\":"
                            + "[{\"text\":\"What does the policy cover? \\\"Water damage\\\" only.\"}]}],"
                            + "\"inferenceConfig\":{\"maxTokens\":1024,\"temperature\":0.2}},\"inputTokenCount\":")
                    .append(1000 + i).append(",\"cacheReadInputTokenCount\":").append(i % 7)
                    .append(",\"cacheWriteInputTokenCount\":0},\"output\":{\"outputContentType\":"
                            + "\"application/json\",\"outputBodyJson\":{\"output\":{\"message\":{\"role\":"
                            + "\"assistant\",\"content\":[{\"text\":\"Burst pipes, not gradual leaks.\"}]}},"
                            + "\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":").append(1000 + i)
                    .append(",\"outputTokens\":").append(output).append("}},\"outputTokenCount\":").append(output)
                    .append("}}\n");
        }
        return log.toString();
    }
}
