package dev.aicost.cli;

import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * picocli's programmatic API for the options aicost declares once and shares: each option is
 * bound to a field of the object that holds it through a getter and a setter, so building a
 * command reads no annotations (picocli's annotation reflection and the proxies it makes cost a
 * one-shot run tens of milliseconds; see docs/performance.md).
 */
final class Specs {
    private Specs() {
    }

    /**
     * {@code builder} bound to a value through {@code get} and {@code set}; the value it holds now
     * is the initial value picocli restores before each parse.
     */
    static <T> OptionSpec.Builder bound(OptionSpec.Builder builder, Supplier<T> get, Consumer<T> set) {
        return builder.initialValue(get.get()).getter(getter(get)).setter(setter(get, set));
    }

    /** A positional parameter's builder bound the same way. */
    static <T> CommandLine.Model.PositionalParamSpec.Builder bound(CommandLine.Model.PositionalParamSpec.Builder builder,
            Supplier<T> get, Consumer<T> set) {
        return builder.initialValue(get.get()).getter(getter(get)).setter(setter(get, set));
    }

    private static <T> CommandLine.Model.IGetter getter(Supplier<T> get) {
        return new CommandLine.Model.IGetter() {
            @Override
            @SuppressWarnings("unchecked")
            public <V> V get() {
                return (V) get.get();
            }
        };
    }

    private static <T> CommandLine.Model.ISetter setter(Supplier<T> get, Consumer<T> set) {
        return new CommandLine.Model.ISetter() {
            @Override
            @SuppressWarnings("unchecked")
            public <V> V set(V value) {
                V previous = (V) get.get();
                set.accept((T) value);
                return previous;
            }
        };
    }

    /** {@code -h, --help} and {@code -V, --version}, as picocli's standard help mixin words them. */
    static void addStandardHelp(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
    }

    /** The exit codes every command lists, in picocli's usage-message form. */
    static java.util.Map<String, String> exitCodes(String... entries) {
        java.util.Map<String, String> codes = new java.util.LinkedHashMap<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            codes.put(entry.substring(0, colon), entry.substring(colon + 1));
        }
        return codes;
    }

    /** Adds option groups (shared by several commands) to a command built from annotations. */
    interface WithOptionGroups {
        void addOptionGroups(CommandSpec spec);
    }
}
