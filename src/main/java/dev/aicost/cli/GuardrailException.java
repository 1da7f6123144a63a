package dev.aicost.cli;

/** A guardrail tripped (exit 3) after the report was written: over budget or above the allowed increase. */
public final class GuardrailException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GuardrailException(String message) {
        super(message);
    }
}
