package dev.aicost.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random damage to every kind of input the tool reads (a byte changed, the file cut short,
 * bytes dropped, junk inserted, a digit changed), 40 mutations each: every run must end cleanly
 * (exit 0, 2 or 3; no stack trace or Java class name; a failure names the file; no output left
 * behind). {@code -Dseed=N -Dmutations=N} explore further; the table of chosen cases is
 * {@link HostileInputTest}.
 */
class HostileMutationTest {
    @TempDir
    Path dir;

    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(java|javax|jdk|sun|com\\.fasterxml|org\\.duckdb|de\\.siegmar|org\\.yaml)\\.[\\w.]+|\\b[A-Z]\\w*(Exception|Error)\\b");

    @Test
    void damagedInputsEndCleanly() throws Exception {
        Files.writeString(dir.resolve("card.yaml"), HostileInputTest.CARD);
        java.util.Random random = new java.util.Random(Long.getLong("seed", 7));
        String quote = "examples/ratecards/account-team-quote.yaml";
        Object[][] inputs = {
            {"hourly.csv", Files.readAllBytes(Path.of("examples/hourly-profile.csv")), new String[] {"breakeven", "--ratecard", quote, "--model", "anthropic.claude-sonnet-4-5", "--input-tokens", "3000", "--output-tokens", "400", "--profile", "FILE", "--no-chart"}},
            {"cur.csv", Files.readAllBytes(Path.of("src/test/resources/usage/cur2-data-export.csv")), new String[] {"usage", "FILE"}},
            {"focus.csv", Files.readAllBytes(Path.of("src/test/resources/usage/focus-1.2-skumeter.csv")), new String[] {"usage", "FILE", "--by", "team"}},
            {"log.jsonl", Files.readAllBytes(Path.of("src/test/resources/usage/invocations.jsonl")), new String[] {"usage", "FILE", "--by", "team"}},
            {"log.jsonl.gz", Files.readAllBytes(Path.of("src/test/resources/usage/invocations.jsonl.gz")), new String[] {"usage", "FILE"}},
            {"cur.parquet", Files.readAllBytes(Path.of("src/test/resources/usage/cur2-data-export.parquet")), new String[] {"usage", "FILE"}},
            {"prices.json", Files.readAllBytes(Path.of("src/test/resources/import/litellm-extract.json")), new String[] {"ratecards", "import", "litellm", "FILE", "--provider", "bedrock", "--id", "x", "-o", "OUT"}},
            {"pl.json", Files.readAllBytes(Path.of("src/test/resources/import/aws-pricelist-sample.json")), new String[] {"ratecards", "import", "aws-pricelist", "FILE", "--region", "us-east-1", "--id", "x", "-o", "OUT"}},
            {"spec.yaml", Files.readAllBytes(Path.of("examples/support-chatbot.yaml")), new String[] {"estimate", "FILE"}},
            {"edp.yaml", Files.readAllBytes(Path.of("examples/edp.yaml")), new String[] {"edp", "FILE"}},
            {"route.yaml", Files.readAllBytes(Path.of("examples/routing.yaml")), new String[] {"route", "FILE"}},
            {"card.yaml", Files.readAllBytes(Path.of("ratecards/aws-bedrock-us-east-1.yaml")), new String[] {"ratecards", "validate", "FILE"}},
        };
        List<String> bad = new ArrayList<>();
        int runs = 0;
        for (Object[] input : inputs) {
            byte[] original = (byte[]) input[1];
            for (int n = 0; n < Integer.getInteger("mutations", 40); n++) {
                byte[] data = original.clone();
                int kind = random.nextInt(5);
                int at = random.nextInt(Math.max(1, data.length));
                if (kind == 0) {
                    data[at] = (byte) random.nextInt(256);
                } else if (kind == 1) {
                    data = java.util.Arrays.copyOf(data, at);
                } else if (kind == 2) {
                    byte[] d = new byte[data.length - Math.min(data.length - at, 10)];
                    System.arraycopy(data, 0, d, 0, at);
                    System.arraycopy(data, at + (data.length - at - (d.length - at)), d, at, d.length - at);
                    data = d;
                } else if (kind == 3) {
                    String[] junk = {",", "\"", "\n", "{", "}", "[", "-", "1e400", "NULL", "\u0000", ":", "#", "\t"};
                    byte[] j = junk[random.nextInt(junk.length)].getBytes(StandardCharsets.UTF_8);
                    byte[] d = new byte[data.length + j.length];
                    System.arraycopy(data, 0, d, 0, at);
                    System.arraycopy(j, 0, d, at, j.length);
                    System.arraycopy(data, at, d, at + j.length, data.length - at);
                    data = d;
                } else {
                    data[at] = (byte) ('0' + random.nextInt(10));
                }
                Path file = dir.resolve((String) input[0]);
                Files.write(file, data);
                Path out = dir.resolve("out.yaml");
                Files.deleteIfExists(out);
                String[] args = ((String[]) input[2]).clone();
                for (int k = 0; k < args.length; k++) {
                    args[k] = args[k].equals("FILE") ? file.toString() : args[k].equals("OUT") ? out.toString() : args[k];
                }
                Cli.Result r = Cli.run(args);
                runs++;
                boolean named = r.exit() != 2 || r.err().contains(file.getFileName().toString()) || r.err().contains("--");
                if (r.exit() == 1 || r.exit() > 3 || !named || CLASS_NAME.matcher(r.err()).find() || r.err().contains("\tat ")
                        || (r.exit() == 2 && Files.exists(out))) {
                    bad.add(input[0] + " mutation " + kind + " at " + at + " -> exit " + r.exit() + ": "
                            + r.err().strip().replace("\n", " | ").substring(0, Math.min(300, r.err().strip().length())));
                    Files.write(dir.resolve("bad-" + bad.size() + "-" + input[0]), data);
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(runs).isEqualTo(inputs.length * Integer.getInteger("mutations", 40));
        org.assertj.core.api.Assertions.assertThat(bad).as("runs that did not end cleanly").isEmpty();
    }
}
