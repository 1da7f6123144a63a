package dev.aicost.input;

import java.util.List;
import java.util.stream.Collectors;

/** Bad input (exit code 2): carries every problem found, each with file, position and field path. */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public InputException(List<Problem> problems) {
        super(problems.stream().map(Problem::render).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public InputException(Problem problem) {
        this(List.of(problem));
    }

    /** A problem with no position inside a file (a missing file, a bad flag). */
    public static InputException of(String file, String message) {
        return new InputException(new Problem(file, 0, 0, null, message));
    }

    /**
     * This exception with every problem that has no position in a file (a card that cannot be
     * found, say) placed by {@code place} instead: at the key of the spec that asked for it.
     */
    public InputException placed(java.util.function.Function<String, Problem> place) {
        return new InputException(problems.stream().map(p -> p.line() == 0 ? place.apply(p.message()) : p).toList());
    }

    public List<Problem> problems() {
        return problems;
    }
}
