package dev.aicost.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aicost completion bash|zsh}: a shell completion script generated from the command model. */
@Command(name = "completion",
        description = {"Print a completion script for bash or zsh: subcommands, options, rate-card ids, model ids.",
            "  bash: source <(aicost completion bash)",
            "  zsh:  source <(aicost completion zsh)"})
public final class CompletionCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh")
    String shell;

    @Override
    public Integer call() {
        String script = AutoComplete.bash("aicost", spec.root().commandLine());
        switch (shell) {
            case "bash" -> spec.commandLine().getOut().print(script);
            case "zsh" -> spec.commandLine().getOut().print("autoload -U +X compinit && compinit\n"
                    + "autoload -U +X bashcompinit && bashcompinit\n" + script);
            default -> throw dev.aicost.input.InputException.of("completion", "expected bash or zsh, got '" + shell + "'");
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
