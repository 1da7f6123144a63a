package dev.aicost.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code aicost shell}: an interactive shell with history and Tab completion; commands run in-process. */
@Command(name = "shell",
        description = {"An interactive shell: Tab completes subcommands, options, rate-card ids, model ids and file",
            "paths; history is kept in ~/.aicost_history; 'exit' or Ctrl-D leaves. Commands run in the same",
            "process, so after the first every estimate is instant."})
public final class ShellCommand implements Callable<Integer> {
    @Override
    public Integer call() throws IOException {
        // jline is touched only here, so that loading this command (as every run does) loads none of it
        return JlineShell.run();
    }
}
