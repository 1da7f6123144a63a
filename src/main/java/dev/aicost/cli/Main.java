package dev.aicost.cli;

import dev.aicost.input.InputException;
import dev.aicost.input.Problem;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine;

/** Entry point: runs the command line and turns every failure into one message and an exit code. */
public final class Main {
    private static final int MAX_PROBLEMS_SHOWN = 25;
    /** picocli's system property naming the built-in converters it should not set up. */
    private static final String PICOCLI_EXCLUDES = "picocli.converters.excludes";
    /** The environment defaults are read from (tests put their own). */
    static java.util.Map<String, String> environment = System.getenv();

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(out, err, args);
        out.flush();
        err.flush();
        System.out.flush();
        System.err.flush();
        // halt, not exit: the output is flushed, files are closed and nothing of ours waits for a
        // shutdown hook. From JDK 21, exit first asks System.getLogger for its exit log, which
        // starts java.util.logging: 15-20 ms of a 110 ms estimate on JDK 25.
        Runtime.getRuntime().halt(code);
    }

    /** A picocli message without the Java type and exception it may name: "cannot convert 'x' to class ...". */
    static String withoutClassNames(String message) {
        if (message == null) {
            return "invalid value";
        }
        return message.replaceAll(" \\((java|javax|jdk)\\.[\\w.$]+(Exception|Error)[^)]*\\)", "")
                .replaceAll("to (class|interface|enum) (java|javax)\\.[\\w.$]+", "to the expected type");
    }

    /** The test seam: runs {@code args} writing to {@code out} and {@code err}, returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        dev.aicost.input.InputFiles.clear();
        boolean debug = Arrays.asList(args).contains("--debug");
        Defaults defaults;
        try {
            defaults = Defaults.load(environment);
        } catch (InputException e) {
            return handle(e, err, debug);
        }
        // Each CommandLine picocli makes looks up its 19 reflective converters (java.sql and java.time
        // types, Path) by Class.forName and getDeclaredMethod: 3 ms of a 90 ms estimate, twice. No
        // option here has one of those types but LocalDate and Path, whose converters are ours (below).
        if (System.getProperty(PICOCLI_EXCLUDES) == null) {
            System.setProperty(PICOCLI_EXCLUDES, "java\\..*");
        }
        CommandLine cli = AicostCommand.commandLine(args);
        cli.setDefaultValueProvider(defaults);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // named classes, not lambdas: see Flags.conversion
        cli.registerConverter(java.time.LocalDate.class, new DateConverter());
        cli.registerConverter(java.nio.file.Path.class, new PathConverter());
        cli.setParameterExceptionHandler(new ParameterErrors(err));
        cli.setExecutionExceptionHandler(new ExecutionErrors(err, debug));
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** A date such as 2026-12-01. */
    private static final class DateConverter implements CommandLine.ITypeConverter<java.time.LocalDate> {
        @Override
        public java.time.LocalDate convert(String text) {
            try {
                return java.time.LocalDate.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("expected a date such as 2026-12-01, got '" + text + "'");
            }
        }
    }

    /** A file name this system can use. */
    private static final class PathConverter implements CommandLine.ITypeConverter<java.nio.file.Path> {
        @Override
        public java.nio.file.Path convert(String text) {
            try {
                return java.nio.file.Path.of(text);
            } catch (java.nio.file.InvalidPathException e) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a file name this system can "
                        + "use (a NUL character, or a character the locale cannot encode)");
            }
        }
    }

    /** A command line picocli cannot parse: one message, suggestions, a pointer to --help; exit 2. */
    private static final class ParameterErrors implements CommandLine.IParameterExceptionHandler {
        private final PrintWriter err;

        ParameterErrors(PrintWriter err) {
            this.err = err;
        }

        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] arguments) {
            err.println("aicost: " + withoutClassNames(ex.getMessage()));
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.BAD_INPUT;
        }
    }

    /** A failure while a command runs: {@link #handle}. */
    private static final class ExecutionErrors implements CommandLine.IExecutionExceptionHandler {
        private final PrintWriter err;
        private final boolean debug;

        ExecutionErrors(PrintWriter err, boolean debug) {
            this.err = err;
            this.debug = debug;
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
            return handle(ex, err, debug);
        }
    }

    static int handle(Exception ex, PrintWriter err, boolean debug) {
        if (ex instanceof InputException input) {
            var problems = input.problems();
            for (int i = 0; i < Math.min(problems.size(), MAX_PROBLEMS_SHOWN); i++) {
                err.println("error: " + problems.get(i).render());
            }
            if (problems.size() > MAX_PROBLEMS_SHOWN) {
                err.println("error: ... and " + (problems.size() - MAX_PROBLEMS_SHOWN) + " more problems");
            }
            return ExitCodes.BAD_INPUT;
        }
        if (ex instanceof GuardrailException guardrail) {
            err.println("aicost: " + guardrail.getMessage());
            return ExitCodes.GUARDRAIL;
        }
        err.println("aicost: internal error: " + ex + (debug ? "" : " (run with --debug for details)"));
        if (debug) {
            for (Throwable t = ex; t != null; t = t.getCause()) {
                err.println(t == ex ? t.toString() : "Caused by: " + t);
                for (StackTraceElement frame : t.getStackTrace()) {
                    err.println("\tat " + frame);
                }
            }
        }
        return ExitCodes.INTERNAL;
    }

    /** For messages built outside the spec layer. */
    static InputException badInput(String where, String message) {
        return new InputException(new Problem(where, 0, 0, null, message));
    }
}
