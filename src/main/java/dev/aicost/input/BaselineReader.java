package dev.aicost.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads what {@code --baseline} needs from an earlier {@code aicost/estimate/v1} JSON report. */
public final class BaselineReader {
    private BaselineReader() {
    }

    /** The month-1 total and currency of a previous report. */
    public record Baseline(BigDecimal monthlyTotal, String currency) {
    }

    public static Baseline read(Path path) {
        String file = path.toString();
        String schema = null;
        String currency = null;
        BigDecimal total = null;
        JsonLocation totalAt = null;
        InputFiles.record(path);
        if (Files.isDirectory(path)) {
            throw InputException.of(file, "is a folder, not a JSON report");
        }
        try (JsonParser parser = Json.factory().createParser(Files.newInputStream(path))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw at(file, parser.currentLocation(), null, "expected a JSON object (an aicost estimate report)");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    continue;
                }
                switch (name) {
                    case "schema" -> schema = parser.getValueAsString();
                    case "currency" -> currency = parser.getValueAsString();
                    case "monthly_total" -> {
                        totalAt = parser.currentTokenLocation();
                        String text = parser.getValueAsString();
                        if (text == null) {
                            throw at(file, totalAt, "monthly_total", "expected a decimal string");
                        }
                        try {
                            total = Decimals.parse(text);
                        } catch (NumberFormatException e) {
                            throw at(file, totalAt, "monthly_total", e.getMessage());
                        }
                        if (total.signum() < 0) {
                            throw at(file, totalAt, "monthly_total", "must not be negative, got " + text);
                        }
                    }
                    default -> {
                        // other fields are not needed for the comparison
                    }
                }
            }
            Json.requireEnd(parser, file);
        } catch (NoSuchFileException e) {
            throw InputException.of(file, "file not found");
        } catch (JsonProcessingException e) {
            throw at(file, e.getLocation(), null, "invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw InputException.of(file, IoMessages.cannotRead(e));
        }
        if (!"aicost/estimate/v1".equals(schema)) {
            throw InputException.of(file, "not an aicost estimate report (schema is "
                    + (schema == null ? "missing" : "'" + schema + "'") + "; expected 'aicost/estimate/v1')");
        }
        if (total == null) {
            throw InputException.of(file, "monthly_total: is missing");
        }
        return new Baseline(total, currency);
    }

    private static InputException at(String file, JsonLocation location, String path, String message) {
        int line = location == null ? 0 : location.getLineNr();
        int column = location == null ? 0 : location.getColumnNr();
        return new InputException(new Problem(file, Math.max(line, 0), Math.max(column, 0), path, message));
    }
}
