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

    /**
     * The environment the tests run with: this JVM's, without the variables that change aicost's
     * defaults and with a config folder that holds no config file, so a developer's own
     * ~/.config/aicost/config.yaml or AICOST_FORMAT cannot change a test's outcome.
     */
    static Map<String, String> cleanEnvironment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        for (String name : List.of("AICOST_RATECARD", "AICOST_FORMAT", "AICOST_HOURS_PER_MONTH", "FORCE_COLOR",
                "NO_COLOR")) {
            env.remove(name);
        }
        env.put("XDG_CONFIG_HOME", java.nio.file.Path.of("target", "test-no-config").toAbsolutePath().toString());
        return env;
    }

    static Result run(String... args) {
        return runWith(cleanEnvironment(), args);
    }

    /** Runs {@code args} with {@code env} as the environment aicost reads its defaults from. */
    static Result runWith(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> before = Main.environment;
        Main.environment = env;
        try {
            int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
            return new Result(exit, out.toString(), err.toString());
        } finally {
            Main.environment = before;
        }
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
