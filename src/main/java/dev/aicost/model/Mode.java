package dev.aicost.model;

import java.util.Locale;

/** How a call is served and billed per token. */
public enum Mode {
    ON_DEMAND, BATCH, PRIORITY, FLEX;

    /** The name used in YAML and JSON: {@code on_demand}, {@code batch}, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Mode fromKey(String key) {
        for (Mode mode : values()) {
            if (mode.key().equals(key)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown mode " + key);
    }
}
