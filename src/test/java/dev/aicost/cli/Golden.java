package dev.aicost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * Golden files: what a command prints, pinned byte for byte in {@code src/test/resources/golden}.
 * {@code mvn test -Dgolden.update=true} rewrites them (review the diff before committing); a
 * mismatch fails with a unified diff. Each golden figure is also checked against a hand
 * calculation in the command's own test.
 */
final class Golden {
    static final Path FOLDER = Path.of("src/test/resources/golden");

    private Golden() {
    }

    /** Runs {@code args}, which must succeed, and compares what it printed with {@code goldenFile}. */
    static void assertGolden(String goldenFile, String... args) throws IOException {
        Cli.Result result = Cli.run(args);
        assertThat(result.exit()).as(result.err()).isZero();
        Path golden = FOLDER.resolve(goldenFile);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, result.out(), StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file %s (create it with -Dgolden.update=true)", golden).exists();
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        if (!expected.equals(result.out())) {
            throw new AssertionFailedError("output of 'aicost " + String.join(" ", args) + "' differs from " + golden
                    + " (regenerate with -Dgolden.update=true if the change is intended):\n"
                    + unifiedDiff(expected, result.out(), golden.toString()), expected, result.out());
        }
    }

    /** A unified diff (3 lines of context) of two texts, line by line. */
    static String unifiedDiff(String before, String after, String name) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        record Op(char kind, String line, int oldLine, int newLine) {
        }
        List<Op> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                ops.add(new Op(' ', a.get(i), i++, j++));
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                ops.add(new Op('+', b.get(j), i, j++));
            } else {
                ops.add(new Op('-', a.get(i), i++, j));
            }
        }
        StringBuilder out = new StringBuilder("--- " + name + " (golden)\n+++ " + name + " (now)\n");
        int k = 0;
        while (k < ops.size()) {
            if (ops.get(k).kind() == ' ') {
                k++;
                continue;
            }
            int start = Math.max(0, k - 3);
            int end = k;
            int quiet = 0;
            while (end < ops.size() && quiet < 7) {
                quiet = ops.get(end).kind() == ' ' ? quiet + 1 : 0;
                end++;
            }
            end = Math.min(ops.size(), end - Math.max(0, quiet - 3));
            out.append("@@ -").append(ops.get(start).oldLine() + 1).append(" +").append(ops.get(start).newLine() + 1)
                    .append(" @@\n");
            for (int m = start; m < end; m++) {
                out.append(ops.get(m).kind()).append(ops.get(m).line()).append('\n');
            }
            k = end;
        }
        return out.toString();
    }
}
