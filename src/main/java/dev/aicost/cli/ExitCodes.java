package dev.aicost.cli;

/** Process exit codes (SPEC section 1). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int BAD_INPUT = 2;
    public static final int GUARDRAIL = 3;

    private ExitCodes() {
    }
}
