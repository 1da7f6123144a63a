package dev.aicost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The one-shot estimate path stays lean: a fresh JVM prices an example without loading Tablesaw, jline,
 * Jackson databind, DuckDB or the CSV reader, and without picocli reading annotations. */
class StartupPathTest {
    @Test
    void estimateLoadsNeitherTablesawNorJline() throws IOException, InterruptedException {
        String output = classesLoaded("estimate", "examples/enterprise-platform.yaml", "--format", "json");
        assertThat(output).contains("dev.aicost.pricing.CostEstimator").contains("\"monthly_total\"");
        assertThat(output).doesNotContain("tech.tablesaw").doesNotContain("org.jline")
                .doesNotContain("com.fasterxml.jackson.databind").doesNotContain("org.duckdb")
                .doesNotContain("de.siegmar.fastcsv");
        // the command model is built programmatically: picocli reads no annotation, so the JVM makes no
        // annotation proxies, and no other command's class is loaded
        assertThat(output).doesNotContain("jdk.proxy").doesNotContain("dev.aicost.cli.BreakevenCommand")
                .doesNotContain("dev.aicost.cli.UsageCommand");
    }

    @Test
    void usageOfALogBuildsItsCommandWithoutAnnotations() throws IOException, InterruptedException {
        String output = classesLoaded("usage", "src/test/resources/usage/invocations.jsonl", "--format", "json");
        assertThat(output).contains("dev.aicost.usage.InvocationLogReader").contains("\"models\"");
        assertThat(output).doesNotContain("jdk.proxy").doesNotContain("dev.aicost.cli.EstimateCommand")
                .doesNotContain("org.duckdb");
        // Tablesaw and commons-math3 are for --trend only
        assertThat(output).doesNotContain("tech.tablesaw").doesNotContain("org.apache.commons.math3")
                .doesNotContain("dev.aicost.usage.TrendAnalysis");
    }

    @Test
    void usageWithTrendLoadsTablesawAndCommonsMath() throws IOException, InterruptedException {
        String output = classesLoaded("usage", "src/test/resources/usage/invocations.jsonl", "--trend", "--format",
                "json");
        assertThat(output).contains("\"trend\"").contains("tech.tablesaw.api.Table")
                .contains("org.apache.commons.math3.stat.regression.SimpleRegression");
    }

    /**
     * The JDK's class-data archive leaves out every class that implements a picocli interface
     * (picocli ships Java 5 classes), and the lambdas such a class holds are then spun at run time
     * on every start, with the JDK's lambda machinery: none may hold one.
     */
    @Test
    void classesThatImplementPicocliInterfacesHoldNoLambdas() throws Exception {
        Path classes = Path.of("target/classes");
        List<String> offenders = new java.util.ArrayList<>();
        int checked = 0;
        try (var files = java.nio.file.Files.walk(classes.resolve("dev/aicost"))) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (!picocliType(type)) {
                    continue;
                }
                checked++;
                for (java.lang.reflect.Method method : type.getDeclaredMethods()) {
                    if (method.getName().startsWith("lambda$")) {
                        offenders.add(name + "." + method.getName());
                    }
                }
            }
        }
        assertThat(checked).as("classes that implement picocli interfaces").isGreaterThan(5);
        assertThat(offenders).isEmpty();
    }

    private static boolean picocliType(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().startsWith("picocli.")) {
                return true;
            }
            for (Class<?> i : c.getInterfaces()) {
                if (picocliType(i)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * What a fresh JVM prints with -verbose:class while it runs aicost with {@code args} (the
     * output included); the run must end with exit 0.
     */
    private static String classesLoaded(String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-verbose:class", "-cp",
                System.getProperty("java.class.path"), "-Daicost.home=" + Path.of("").toAbsolutePath(),
                "dev.aicost.cli.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
