package dev.aicost.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an hourly token profile: CSV with columns {@code hour,tokens} (more columns are ignored),
 * hours in ISO-8601 ({@code 2026-10-01T13:00:00Z}; without an offset, UTC), strictly ascending and
 * on the hour. Hours missing between the first and the last count as zero tokens.
 */
public final class ProfileReader {
    /** More than this many hours between first and last (about 11 years) is refused. */
    static final long MAX_HOURS = 100_000;

    private ProfileReader() {
    }

    /** The profile: tokens for every hour from {@code first} on, with the gaps filled by zeros. */
    public record Profile(Instant first, List<BigDecimal> hourlyTokens, int rows, int filledHours) {
    }

    public static Profile read(Path path) {
        return CsvInput.read(path, csv -> read(path.toString(), csv));
    }

    static Profile read(String file, BufferedReader reader) throws IOException {
        try (CsvInput csv = new CsvInput(file, reader)) {
            return read(file, csv);
        }
    }

    private static Profile read(String file, CsvInput csv) {
        CsvInput.Row header = csv.next();
        if (header == null) {
            throw InputException.of(file, "is empty; expected a header 'hour,tokens'");
        }
        List<String> columns = new ArrayList<>();
        for (String column : header.fields()) {
            columns.add(column.toLowerCase(Locale.ROOT));
        }
        int hourColumn = columns.indexOf("hour");
        int tokensColumn = columns.indexOf("tokens");
        if (hourColumn < 0 || tokensColumn < 0) {
            throw new InputException(new Problem(file, 1, 1, null, "expected a header with columns 'hour' "
                    + "and 'tokens', got '" + String.join(",", header.fields()) + "'"));
        }
        return rows(file, csv, columns.size(), hourColumn, tokensColumn);
    }

    private static Profile rows(String file, CsvInput csv, int width, int hourColumn, int tokensColumn) {
        List<Problem> problems = new ArrayList<>();
        List<BigDecimal> hourly = new ArrayList<>();
        Instant first = null;
        Instant previous = null;
        int previousLine = 0;
        int rows = 0;
        CsvInput.Row row;
        while ((row = csv.next()) != null && problems.size() < 20) {
            if (row.blank()) {
                continue;
            }
            int lineNumber = (int) Math.min(Integer.MAX_VALUE, row.line());
            if (row.size() != width) {
                problems.add(new Problem(file, lineNumber, 1, null, "expected " + width + " fields, got "
                        + row.size()));
                continue;
            }
            int hourAt = row.column(hourColumn);
            Instant hour = hour(file, lineNumber, hourAt, row.get(hourColumn), problems);
            BigDecimal tokens = tokens(file, lineNumber, row.column(tokensColumn), row.get(tokensColumn), problems);
            if (hour == null || tokens == null) {
                continue;
            }
            if (previous != null) {
                if (hour.equals(previous)) {
                    problems.add(new Problem(file, lineNumber, hourAt, "hour",
                            "duplicate hour " + hour + " (also line " + previousLine + ")"));
                    continue;
                }
                if (hour.isBefore(previous)) {
                    problems.add(new Problem(file, lineNumber, hourAt, "hour",
                            "hours must be in ascending order: " + hour + " comes after " + previous + " (line "
                                    + previousLine + ")"));
                    continue;
                }
                long gap = Duration.between(previous, hour).toHours();
                if (Duration.between(first, hour).toHours() >= MAX_HOURS) {
                    problems.add(new Problem(file, lineNumber, hourAt, "hour",
                            "the profile spans more than " + MAX_HOURS + " hours"));
                    break;
                }
                for (long missing = 1; missing < gap; missing++) {
                    hourly.add(BigDecimal.ZERO);
                }
            } else {
                first = hour;
            }
            hourly.add(tokens);
            previous = hour;
            previousLine = lineNumber;
            rows++;
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        if (rows == 0) {
            throw InputException.of(file, "has no rows after the header");
        }
        return new Profile(first, List.copyOf(hourly), rows, hourly.size() - rows);
    }

    private static Instant hour(String file, int line, int column, String text, List<Problem> problems) {
        Instant instant;
        try {
            String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + "T" + text.substring(11)
                    : text;
            instant = iso.endsWith("Z") || iso.matches(".*[+-]\\d{2}:?\\d{2}$")
                    ? OffsetDateTime.parse(iso).toInstant() : LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(file, line, column, "hour", "expected an ISO-8601 hour such as "
                    + "2026-10-01T13:00:00Z, got '" + text + "'"));
            return null;
        }
        if (!instant.truncatedTo(ChronoUnit.HOURS).equals(instant)) {
            problems.add(new Problem(file, line, column, "hour", "must be on the hour, got '" + text + "'"));
            return null;
        }
        return instant;
    }

    private static BigDecimal tokens(String file, int line, int column, String text, List<Problem> problems) {
        BigDecimal tokens;
        try {
            tokens = Decimals.parse(text);
        } catch (NumberFormatException e) {
            problems.add(new Problem(file, line, column, "tokens", e.getMessage().startsWith("not a number")
                    ? "expected a number, got '" + text + "'" : e.getMessage()));
            return null;
        }
        if (tokens.signum() < 0) {
            problems.add(new Problem(file, line, column, "tokens", "must not be negative, got " + text));
            return null;
        }
        return tokens;
    }
}
