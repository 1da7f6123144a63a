package dev.aicost.input;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The user's defaults file, {@code $XDG_CONFIG_HOME/aicost/config.yaml} (else
 * {@code ~/.config/aicost/config.yaml}), as Infracost and ccusage keep theirs:
 *
 * <pre>
 * ratecard: aws-bedrock-us-east-1   # the card when neither --ratecard nor the input names one
 * format: json                      # table, json, csv or markdown
 * hours_per_month: 730
 * </pre>
 *
 * Every key is optional; an unknown key or a bad value is an error at its line and column.
 */
public final class UserConfig {
    public static final Set<String> KEYS = Fields.keys("ratecard", "format", "hours_per_month");

    private UserConfig() {
    }

    /** Where the file is looked for, from {@code XDG_CONFIG_HOME} and {@code user.home}. */
    public static Path location(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("aicost").resolve("config.yaml");
    }

    /**
     * The settings the file gives, each as the value written with its position, empty when there is
     * no file. Values are checked by the caller, which knows each setting's rules.
     */
    public static Map<String, YNode.YScalar> read(Path file) {
        Map<String, YNode.YScalar> values = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return values;
        }
        InputFiles.record(file);
        YNode root = YamlLoader.load(file);
        Fields f = new Fields(file.toString());
        YNode.YMap top = f.map(root, "");
        f.throwIfAny();
        f.onlyKeys(top, "", KEYS);
        for (String key : KEYS) {
            if (top.entries().containsKey(key) && !Fields.isNull(top.get(key))) {
                YNode.YScalar scalar = f.scalar(top.get(key), key);
                if (scalar != null) {
                    values.put(key, scalar);
                }
            }
        }
        f.throwIfAny();
        return values;
    }
}
