package dev.aicost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every example block in README.md and docs/ marked {@code <!-- checked: DocsExamplesTest -->} is
 * what its command prints: the block's first line is {@code $ ./aicost ARGS}, the rest its output
 * (stdout, then stderr). Run with {@code -Ddocs.update=true} to write the real output into the
 * files; otherwise a block that differs fails with both texts.
 */
class DocsExamplesTest {
    private static final String MARKER = "<!-- checked: DocsExamplesTest -->";

    @Test
    void everyCheckedExampleIsTheRealOutput() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        boolean update = Boolean.getBoolean("docs.update");
        int checked = 0;
        List<String> drifted = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).strip().equals(MARKER)) {
                    continue;
                }
                assertThat(lines.get(i + 1)).as(file + ":" + (i + 2)).isEqualTo("```");
                String command = lines.get(i + 2);
                assertThat(command).as(file + ":" + (i + 3)).startsWith("$ ./aicost ");
                int end = i + 3;
                while (!lines.get(end).equals("```")) {
                    end++;
                }
                List<String> shown = new ArrayList<>(lines.subList(i + 3, end));
                List<String> real = output(command.substring("$ ./aicost ".length()));
                checked++;
                if (!shown.equals(real)) {
                    if (update) {
                        for (int k = end - 1; k >= i + 3; k--) {
                            lines.remove(k);
                        }
                        lines.addAll(i + 3, real);
                    } else {
                        drifted.add(file + ":" + (i + 3) + " " + command + "\n--- shown\n" + String.join("\n", shown)
                                + "\n--- real\n" + String.join("\n", real));
                    }
                }
            }
            if (update) {
                Files.write(file, lines, StandardCharsets.UTF_8);
            }
        }
        assertThat(checked).as("checked example blocks").isGreaterThanOrEqualTo(4);
        assertThat(drifted).as("examples that differ from the real output (-Ddocs.update=true rewrites them)")
                .isEmpty();
    }

    private static List<String> output(String arguments) {
        Cli.Result result = Cli.run(Arrays.stream(arguments.split(" ")).filter(s -> !s.isEmpty())
                .toArray(String[]::new));
        List<String> lines = new ArrayList<>(result.out().lines().toList());
        lines.addAll(result.err().lines().toList());
        if (result.exit() != 0) {
            lines.add("(exit " + result.exit() + ")");
        }
        return lines;
    }
}
