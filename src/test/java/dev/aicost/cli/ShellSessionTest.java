package dev.aicost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shell's line handling and completion, driven without a terminal. */
class ShellSessionTest {
    private final ShellSession session = new ShellSession();

    private record Ran(ShellSession.Outcome outcome, String out, String err) {
    }

    private Ran run(String line) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ShellSession.Outcome outcome = session.execute(line, new PrintWriter(out), new PrintWriter(err));
        return new Ran(outcome, out.toString(), err.toString());
    }

    @Test
    void runsCommandsInProcessAndKeepsGoingAfterErrors() {
        Ran estimate = run("estimate src/test/resources/golden/spec.yaml --months 1 --width 0");
        assertThat(estimate.outcome()).isEqualTo(ShellSession.Outcome.CONTINUE);
        assertThat(estimate.out()).contains("Monthly total (month 1)").contains("$13,465.60");
        Ran error = run("estimate 'no such file.yaml'");
        assertThat(error.outcome()).isEqualTo(ShellSession.Outcome.CONTINUE);
        assertThat(error.err()).contains("no such file.yaml: file not found").contains("(exit 2)");
        // a leading "aicost" is allowed; the session still works after the error
        assertThat(run("aicost estimate src/test/resources/golden/spec.yaml --format json").out())
                .contains("\"monthly_total\" : \"13465.600000\"");
        assertThat(run("help").out()).contains("estimate").contains("Tab completes");
        assertThat(run("   ").outcome()).isEqualTo(ShellSession.Outcome.CONTINUE);
        assertThat(run("exit").outcome()).isEqualTo(ShellSession.Outcome.EXIT);
        assertThat(run("quit").outcome()).isEqualTo(ShellSession.Outcome.EXIT);
    }

    @Test
    void splitsWordsWithQuotes() {
        assertThat(ShellSession.words("estimate 'my spec.yaml' --set \"a.b=c d\" x\\ y"))
                .containsExactly("estimate", "my spec.yaml", "--set", "a.b=c d", "x y");
    }

    @Test
    void completesSubcommandsOptionsCardsModelsAndFiles() {
        assertThat(session.complete(List.of(), "estim")).containsExactly("estimate");
        assertThat(session.complete(List.of(), "e")).contains("edp", "estimate", "exit");
        assertThat(session.complete(List.of("estimate", "x.yaml"), "--rate")).containsExactly("--ratecard");
        assertThat(session.complete(List.of("estimate", "x.yaml", "--ratecard"), "aws-"))
                .containsExactly("aws-bedrock-global", "aws-bedrock-us-east-1");
        assertThat(session.complete(List.of("estimate", "x.yaml", "--format"), "")).contains("json", "table");
        // model ids of the card already chosen on the line
        assertThat(session.complete(List.of("breakeven", "--ratecard", "aws-bedrock-global", "--model"), "anthropic.claude-so"))
                .containsExactly("anthropic.claude-sonnet-4", "anthropic.claude-sonnet-4-5", "anthropic.claude-sonnet-4-6",
                        "anthropic.claude-sonnet-5");
        assertThat(session.complete(List.of("ratecards"), "im")).containsExactly("import");
        assertThat(session.complete(List.of("estimate"), "exa")).isSameAs(ShellSession.FILES);
        // a card argument completes as a card id, and as a file name when no id fits
        assertThat(session.complete(List.of("ratecards", "show"), "aws-bedrock-u")).containsExactly("aws-bedrock-us-east-1");
        assertThat(session.complete(List.of("ratecards", "diff", "openai-api"), "open")).containsExactly("openai-api");
        assertThat(session.complete(List.of("ratecards", "show"), "ratecards/")).isSameAs(ShellSession.FILES);
        assertThat(session.complete(List.of("ratecards", "validate"), "open")).isSameAs(ShellSession.FILES);
        assertThat(session.complete(List.of("usage", "--emit-profile"), "")).isSameAs(ShellSession.FILES);
    }

    @Test
    void completionScripts() {
        Cli.Result bash = Cli.run("completion", "bash");
        assertThat(bash.exit()).isZero();
        assertThat(bash.out()).contains("complete -F").contains("estimate").contains("aws-bedrock-us-east-1");
        assertThat(Cli.run("completion", "zsh").out()).startsWith("autoload -U +X compinit && compinit");
        assertThat(Cli.run("completion", "fish").exit()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void quietDropsWarningsFromTextButNotFromJson() {
        Cli.Result loud = Cli.run("estimate", "examples/provisioned-throughput.yaml", "--width", "0");
        assertThat(loud.out()).contains("warning:");
        Cli.Result quiet = Cli.run("estimate", "examples/provisioned-throughput.yaml", "--width", "0", "--quiet");
        assertThat(quiet.out()).doesNotContain("warning:").contains("Monthly total");
        assertThat(Cli.run("estimate", "examples/provisioned-throughput.yaml", "--format", "json", "-q").out())
                .contains("is an assumption");
    }

    /** The session shown in docs/shell.md, line by line. */
    @Test
    void theSessionInTheDocs() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/shell.md"));
        assertThat(doc).contains("aicost> estim<Tab>                 -> estimate")
                .contains("aicost> estimate examples/support-chatbot.yaml --ratecard aws-bedrock-g<Tab>   -> "
                        + "aws-bedrock-global")
                .contains("aicost> estimate nope.yaml\nerror: nope.yaml: file not found\n(exit 2)\naicost> exit");
        assertThat(session.complete(List.of(), "estim")).containsExactly("estimate");
        assertThat(session.complete(List.of("estimate", "examples/support-chatbot.yaml", "--ratecard"), "aws-bedrock-g"))
                .containsExactly("aws-bedrock-global");
        Ran error = run("estimate nope.yaml");
        assertThat(error.outcome()).isEqualTo(ShellSession.Outcome.CONTINUE);
        assertThat(error.err()).isEqualTo("error: nope.yaml: file not found\n(exit 2)\n");
        assertThat(run("exit").outcome()).isEqualTo(ShellSession.Outcome.EXIT);
    }
}
