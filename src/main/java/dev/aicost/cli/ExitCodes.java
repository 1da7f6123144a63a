package dev.aicost.cli;

/** Process exit codes, and how each command's help lists them (picocli's exit-code list). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int BAD_INPUT = 2;
    public static final int GUARDRAIL = 3;

    static final String HEADING = "%nExit codes:%n";
    static final String LIST_OK = "0:success";
    static final String LIST_INTERNAL = "1:unexpected internal error (stack trace with --debug)";
    static final String LIST_BAD_INPUT = "2:bad input: usage, unreadable file, invalid YAML/CSV/JSON, schema or value "
            + "error";
    static final String LIST_GUARDRAIL = "3:a guardrail tripped: --budget or --fail-on-increase exceeded";

    private ExitCodes() {
    }
}
