package dev.aicost.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What the interactive shell does with a line, without a terminal: runs commands in-process
 * (so a second estimate starts warm), prints errors and goes on, and works out completions from
 * picocli's model of the commands (subcommands, options, rate-card and model ids, files).
 */
final class ShellSession {
    /** What a line asks for. */
    enum Outcome { CONTINUE, EXIT }

    /** {@link #complete} says "complete a file name" with this list. */
    static final List<String> FILES = List.of("\u0000files");


    private final CommandLine model = AicostCommand.commandLine();

    /** Runs one line: a command (with or without a leading "aicost"), "help", or "exit"/"quit". */
    Outcome execute(String line, PrintWriter out, PrintWriter err) {
        List<String> words = words(line);
        if (words.isEmpty()) {
            return Outcome.CONTINUE;
        }
        if (words.get(0).equals("aicost")) {
            words = words.subList(1, words.size());
        }
        if (words.isEmpty()) {
            return Outcome.CONTINUE;
        }
        String first = words.get(0).toLowerCase(Locale.ROOT);
        if (first.equals("exit") || first.equals("quit")) {
            return Outcome.EXIT;
        }
        if (first.equals("help") && words.size() == 1) {
            model.usage(out);
            out.println("In the shell: Tab completes, 'exit' or Ctrl-D leaves, Ctrl-C abandons a line.");
            out.flush();
            return Outcome.CONTINUE;
        }
        int code = Main.run(out, err, words.toArray(String[]::new));
        if (code != ExitCodes.OK) {
            err.println("(exit " + code + ")");
            err.flush();
        }
        return Outcome.CONTINUE;
    }

    /**
     * Candidates for the word being typed ({@code partial}), given the words before it; {@link #FILES}
     * when a file name is expected.
     */
    List<String> complete(List<String> before, String partial) {
        List<String> words = new ArrayList<>(before);
        if (!words.isEmpty() && words.get(0).equals("aicost")) {
            words.remove(0);
        }
        CommandLine command = model;
        int i = 0;
        for (; i < words.size(); i++) {
            CommandLine sub = command.getSubcommands().get(words.get(i));
            if (sub == null) {
                break;
            }
            command = sub;
        }
        if (command == model && i == words.size()) {
            List<String> names = new ArrayList<>(model.getSubcommands().keySet());
            names.addAll(List.of("exit", "quit"));
            return matching(names, partial);
        }
        String previous = words.isEmpty() ? null : words.get(words.size() - 1);
        OptionSpec option = previous == null ? null : command.getCommandSpec().findOption(previous);
        if (option != null && option.arity().max() > 0) {
            if (option.longestName().equals("--model")) {
                int at = words.lastIndexOf("--ratecard");
                return matching(Candidates.models(at >= 0 && at + 1 < words.size() ? words.get(at + 1) : null), partial);
            }
            if (option.completionCandidates() != null) {
                List<String> values = new ArrayList<>();
                boolean lower = option.type().isEnum();
                option.completionCandidates().forEach(v -> values.add(lower ? v.toLowerCase(Locale.ROOT) : v));
                return matching(values, partial);
            }
            if (option.type() == Path.class || option.paramLabel().contains("FILE")
                    || option.paramLabel().contains(".")) {
                return FILES;
            }
            return List.of();
        }
        if (partial.startsWith("-")) {
            List<String> names = new ArrayList<>();
            for (OptionSpec spec : command.getCommandSpec().options()) {
                names.addAll(List.of(spec.names()));
            }
            return matching(names, partial);
        }
        if (!command.getSubcommands().isEmpty()) {
            return matching(new ArrayList<>(command.getSubcommands().keySet()), partial);
        }
        // An argument with candidates (a card id or a file) offers those that fit, else file names.
        for (picocli.CommandLine.Model.PositionalParamSpec positional
                : command.getCommandSpec().positionalParameters()) {
            if (positional.completionCandidates() != null) {
                List<String> values = new ArrayList<>();
                positional.completionCandidates().forEach(values::add);
                List<String> fitting = matching(values, partial);
                if (!fitting.isEmpty()) {
                    return fitting;
                }
            }
        }
        return FILES;
    }

    private static List<String> matching(List<String> values, String partial) {
        return values.stream().filter(v -> v.startsWith(partial)).sorted().distinct().toList();
    }

    /** Splits a line into words; quotes (' or ") group, a backslash escapes. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && quote != '\'') {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
