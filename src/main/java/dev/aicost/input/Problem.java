package dev.aicost.input;

/**
 * One thing wrong with an input file: where it is (file, 1-based line and column, field path)
 * and what is wrong. Line 0 means the position is not known.
 */
public record Problem(String file, int line, int column, String path, String message) {

    /** The one-line form users see: {@code spec.yaml:4:17: workloads[0].cache.hit_rate: must be ...}. */
    public String render() {
        StringBuilder sb = new StringBuilder(file == null ? "<input>" : file);
        if (line > 0) {
            sb.append(':').append(line).append(':').append(column);
        }
        if (line == Overrides.COMMAND_LINE) {
            sb.append(" (value from --set)");
        }
        sb.append(": ");
        if (path != null && !path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(message).toString();
    }
}
