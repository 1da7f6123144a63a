package dev.aicost.cli;

import dev.aicost.input.Decimals;
import dev.aicost.input.InputException;
import dev.aicost.input.Problem;
import dev.aicost.input.UserConfig;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;

/**
 * Where each default comes from: a flag beats the environment ({@code AICOST_RATECARD},
 * {@code AICOST_FORMAT}, {@code AICOST_HOURS_PER_MONTH}), which beats the config file, which beats
 * the built-in value. picocli asks this for {@code --format} and {@code --hours-per-month} when the
 * command line has none; {@link #ratecard()} is the card used where neither {@code --ratecard} nor
 * the input names one. Every value is checked when it is loaded, so a bad one is exit 2 naming the
 * variable or the file position, before any command runs.
 */
final class Defaults implements CommandLine.IDefaultValueProvider {
    /** One setting as resolved: its value and where it came from. */
    record Setting(String name, String value, String source, boolean builtIn) {
    }

    private static final List<String> NAMES = List.of("ratecard", "format", "hours_per_month");
    private static Defaults current = builtIns();

    private final Map<String, Setting> settings;
    private final Path file;

    private Defaults(Map<String, Setting> settings, Path file) {
        this.settings = settings;
        this.file = file;
    }

    /** The defaults of the command being run (the built-in ones until {@link #load} is called). */
    static Defaults current() {
        return current;
    }

    private static Defaults builtIns() {
        Map<String, Setting> settings = new LinkedHashMap<>();
        for (String name : NAMES) {
            settings.put(name, builtIn(name));
        }
        return new Defaults(settings, null);
    }

    private static Setting builtIn(String name) {
        return switch (name) {
            case "ratecard" -> new Setting(name, dev.aicost.input.RegionCards.DEFAULT_CARD,
                    "built-in (usage and breakeven; estimate and route need the spec's ratecard:)", true);
            case "format" -> new Setting(name, "table", "built-in", true);
            default -> new Setting(name, "730", "built-in (the AWS convention)", true);
        };
    }

    /** Reads the environment and the config file it points to, checks every value, and makes them current. */
    static Defaults load(Map<String, String> env) {
        Path file = UserConfig.location(env);
        Map<String, dev.aicost.input.YNode.YScalar> fromFile = UserConfig.read(file);
        Map<String, Setting> settings = new LinkedHashMap<>();
        for (String name : NAMES) {
            String variable = "AICOST_" + name.toUpperCase(Locale.ROOT);
            String fromEnv = env.get(variable);
            if (fromEnv != null && !fromEnv.isBlank()) {
                settings.put(name, new Setting(name, check(name, fromEnv.strip(), new Problem(variable, 0, 0, null, "")),
                        variable, false));
            } else if (fromFile.containsKey(name)) {
                dev.aicost.input.YNode.YScalar value = fromFile.get(name);
                Problem where = new Problem(file.toString(), value.line(), value.column(), name, "");
                settings.put(name, new Setting(name, check(name, value.text(), where),
                        file + ":" + value.line() + ":" + value.column(), false));
            } else {
                settings.put(name, builtIn(name));
            }
        }
        current = new Defaults(settings, file);
        return current;
    }

    /** {@code value} if it is a valid value of setting {@code name}; else bad input at {@code p}'s place. */
    private static String check(String name, String value, Problem p) {
        String wrong = switch (name) {
            case "format" -> List.of("table", "json", "csv", "markdown").contains(value.toLowerCase(Locale.ROOT)) ? null
                    : "expected table, json, csv or markdown, got '" + value + "'";
            case "hours_per_month" -> hoursProblem(value);
            default -> value.isBlank() ? "must not be empty" : null;
        };
        if (wrong == null) {
            return name.equals("format") ? value.toLowerCase(Locale.ROOT) : value;
        }
        throw new InputException(new Problem(p.file(), p.line(), p.column(), p.path(), wrong));
    }

    private static String hoursProblem(String value) {
        try {
            BigDecimal hours = Decimals.parse(value);
            return hours.compareTo(BigDecimal.ONE) < 0 || hours.compareTo(BigDecimal.valueOf(744)) > 0
                    ? "must be between 1 and 744 hours, got " + value : null;
        } catch (NumberFormatException e) {
            return "expected a number of hours such as 730, got '" + value + "'";
        }
    }

    Setting setting(String name) {
        return settings.get(name);
    }

    /** The settings in the order {@code config show} lists them. */
    List<Setting> all() {
        return List.copyOf(settings.values());
    }

    /** The config file looked for (it may not exist). */
    Path file() {
        return file;
    }

    /** The user's default card with who named it, or null when only the built-in applies. */
    dev.aicost.input.DefaultCard defaultCard() {
        Setting s = settings.get("ratecard");
        return s.builtIn() ? null : new dev.aicost.input.DefaultCard(s.value(), s.source());
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec argSpec) {
        if (!(argSpec instanceof CommandLine.Model.OptionSpec option)) {
            return null;
        }
        Setting s = switch (option.longestName()) {
            case "--format" -> settings.get("format");
            case "--hours-per-month" -> settings.get("hours_per_month");
            default -> null;
        };
        return s == null || s.builtIn() ? null : s.value();
    }
}
