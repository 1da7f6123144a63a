package dev.aicost.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aicost.cli.CdsTraining;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The log the launcher's archive training reads must be read by the fast scanner itself: that is
 * the code the training is for (a record it refused would train Jackson instead).
 */
class TrainingLogTest {
    @Test
    void everyTrainingRecordIsReadByTheFastPathWithItsStatedCounts() {
        String[] lines = CdsTraining.bedrockLog(CdsTraining.TRAINING_RECORDS).split("\n");
        assertThat(lines).hasSize(30);
        FastRecordScanner scanner = new FastRecordScanner(null);
        for (int i = 0; i < lines.length; i++) {
            byte[] record = (lines[i] + "\n").getBytes(StandardCharsets.UTF_8);
            assertThat(scanner.scanLine(record, 0, record.length)).as(lines[i]).isEqualTo(record.length);
            // record i: i + 1000 input tokens, i % 7 cache reads, none written, i % 50 + 100 output
            assertThat(scanner.input).isEqualTo(1000 + i);
            assertThat(scanner.cacheRead).isEqualTo(i % 7);
            assertThat(scanner.cacheWrite).isZero();
            assertThat(scanner.output).isEqualTo(100 + i % 50);
            // day 1 + i % 2 of October 2026, hour i % 24: 2026-10-01 is day 20727 since the epoch
            assertThat(scanner.epochHour()).isEqualTo((20727L + i % 2) * 24 + i % 24);
            assertThat(scanner.region()).isEqualTo("us-east-1");
            assertThat(scanner.modelId()).isEqualTo(i % 2 == 0 ? "us.anthropic.claude-sonnet-4-5-20250929-v1:0"
                    : "amazon.nova-micro-v1:0");
        }
    }
}
