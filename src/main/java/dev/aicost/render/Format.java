package dev.aicost.render;

/** Report formats ({@code --format}). */
public enum Format {
    TABLE, JSON, CSV, MARKDOWN
}
