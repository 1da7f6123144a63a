package dev.aicost.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The scanner's own day count against the JDK's, on every date a four-digit year can write. */
class EpochDayTest {
    @Test
    void everyDayOfYears0To9999IsTheJdksEpochDay() {
        long checked = 0;
        for (int year = 0; year <= 9999; year++) {
            for (int month = 1; month <= 12; month++) {
                // days 1-99: what two digits can write; past the month's end the JDK refuses the date
                for (int day = 1; day <= 99; day++) {
                    long expected;
                    try {
                        expected = LocalDate.of(year, month, day).toEpochDay();
                    } catch (DateTimeException e) {
                        expected = Long.MIN_VALUE;
                    }
                    if (FastRecordScanner.epochDay(year, month, day) != expected) {
                        assertThat(FastRecordScanner.epochDay(year, month, day))
                                .as("%04d-%02d-%02d", year, month, day).isEqualTo(expected);
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(10_000L * 12 * 99);
    }

    @Test
    void knownDays() {
        // 1970-01-01 is day 0; 2026-10-21 is 56 years of 365 days plus 14 leap days (1972-2024),
        // plus 293 days from January 1st (31+28+31+30+31+30+31+31+30 = 273, then 20): 20,440 + 14 + 293
        assertThat(FastRecordScanner.epochDay(1970, 1, 1)).isZero();
        assertThat(FastRecordScanner.epochDay(2026, 10, 21)).isEqualTo(56 * 365 + 14 + 293);
        assertThat(FastRecordScanner.epochDay(2024, 2, 29)).isEqualTo(LocalDate.of(2024, 2, 29).toEpochDay());
        assertThat(FastRecordScanner.epochDay(2026, 2, 29)).isEqualTo(Long.MIN_VALUE);
        assertThat(FastRecordScanner.epochDay(1900, 2, 29)).isEqualTo(Long.MIN_VALUE);
        assertThat(FastRecordScanner.epochDay(2000, 2, 29)).isEqualTo(LocalDate.of(2000, 2, 29).toEpochDay());
        assertThat(FastRecordScanner.epochDay(2026, 4, 31)).isEqualTo(Long.MIN_VALUE);
    }
}
