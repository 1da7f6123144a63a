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
                List<String> shown = new ArrayList<>(lines.subList(i + 2, end));
                List<String> real = run(shown);
                checked++;
                if (!shown.equals(real)) {
                    if (update) {
                        for (int k = end - 1; k >= i + 2; k--) {
                            lines.remove(k);
                        }
                        lines.addAll(i + 2, real);
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

    /**
     * The block as the commands in it print it: each {@code $ ./aicost ...} line (continued on the
     * next line when it ends with a backslash) followed by its output; {@code > /dev/null} drops
     * standard output. Paths under the project folder and the home folder are shown as they would
     * be on any machine.
     */
    static List<String> run(List<String> block) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < block.size(); i++) {
            String line = block.get(i);
            if (!line.startsWith("$ ./aicost ")) {
                continue;
            }
            out.add(line);
            StringBuilder command = new StringBuilder(line.substring("$ ./aicost ".length()));
            while (command.toString().endsWith("\\") && i + 1 < block.size()) {
                command.setLength(command.length() - 1);
                out.add(block.get(++i));
                command.append(' ').append(block.get(i).strip());
            }
            String text = command.toString();
            boolean quietOut = text.contains("> /dev/null");
            text = text.replace("> /dev/null", "");
            Cli.Result result = Cli.run(Arrays.stream(text.split(" ")).filter(s -> !s.isEmpty()).toArray(String[]::new));
            if (!quietOut) {
                out.addAll(result.out().lines().map(DocsExamplesTest::portable).toList());
            }
            out.addAll(result.err().lines().map(DocsExamplesTest::portable).toList());
            if (result.exit() != 0) {
                out.add("(exit " + result.exit() + ")");
            }
        }
        return out;
    }

    private static String portable(String line) {
        String project = Path.of("").toAbsolutePath().toString();
        String home = System.getProperty("user.home");
        String xdg = System.getenv("XDG_CONFIG_HOME");
        String shown = line.replace(project + "/", "").replace(project, ".");
        if (xdg != null && !xdg.isBlank()) {
            shown = shown.replace(xdg, "~/.config");
        }
        return home == null ? shown : shown.replace(home, "~");
    }
}
