package dev.aicost.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.FileNameCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** The terminal side of {@code aicost shell}: a jline reader around a {@link ShellSession}. */
final class JlineShell {
    private JlineShell() {
    }

    static int run() throws IOException {
        ShellSession session = new ShellSession();
        FileNameCompleter files = new FileNameCompleter();
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("aicost")
                    .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".aicost_history"))
                    .completer((lineReader, line, candidates) -> {
                        List<String> before = line.words().subList(0, line.wordIndex());
                        List<String> values = session.complete(before, line.word().substring(0, line.wordCursor()));
                        if (values == ShellSession.FILES) {
                            files.complete(lineReader, line, candidates);
                        } else {
                            values.forEach(v -> candidates.add(new Candidate(v)));
                        }
                    }).build();
            PrintWriter out = terminal.writer();
            out.println("aicost shell: Tab completes, 'help' lists commands, 'exit' or Ctrl-D leaves.");
            while (true) {
                String line;
                try {
                    line = reader.readLine("aicost> ");
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                System.setProperty("aicost.columns", String.valueOf(terminal.getWidth()));
                if (session.execute(line, out, out) == ShellSession.Outcome.EXIT) {
                    break;
                }
            }
        }
        return ExitCodes.OK;
    }
}
