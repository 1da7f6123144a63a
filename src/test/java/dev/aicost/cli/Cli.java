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
}
