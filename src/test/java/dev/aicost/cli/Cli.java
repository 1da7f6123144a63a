package dev.aicost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the command line in-process and captures what it printed. */
final class Cli {
    record Result(int exit, String out, String err) {
    }

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exit, out.toString(), err.toString());
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs {@code aicost COMMAND ARGS --format json}, which must succeed, and parses what it printed. */
    static JsonNode json(String command, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(args));
        all.addAll(List.of("--format", "json"));
        Result result = run(all.toArray(String[]::new));
        assertThat(result.exit()).as(result.err()).isZero();
        return JSON.readTree(result.out());
    }

    /** The rows of a usage report's {@code models} array by model id. */
    static Map<String, JsonNode> models(JsonNode usage) {
        Map<String, JsonNode> byModel = new HashMap<>();
        usage.get("models").forEach(m -> byModel.put(m.get("model").asText(), m));
        return byModel;
    }

    /**
     * Runs a command that must fail with bad input (exit 2): no stack trace, no report on standard
     * output, and the {@code -o} report it was asked for never written (nor a temporary file beside it).
     */
    static Result badInput(java.nio.file.Path dir, String... args) {
        java.nio.file.Path output = dir.resolve("bad-input-report.out");
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-o", output.toString()));
        Result result = run(all.toArray(String[]::new));
        assertThat(result.exit()).as(result.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(result.out()).isEmpty();
        assertThat(output).doesNotExist();
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .noneMatch(n -> n.endsWith(".tmp"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return result;
    }
}
