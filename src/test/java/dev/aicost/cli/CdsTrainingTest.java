package dev.aicost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive-training run reads its small Bedrock-shaped log the way a large one is read (split
 * across two threads, and mapped by one), so that those paths' classes are archived: the read must
 * work and give the log's own totals, since the training hides its output.
 */
class CdsTrainingTest {
    @Test
    void theTrainingLogReadSplitAndMappedGivesItsTotals(@TempDir Path dir) throws IOException, InterruptedException {
        Path log = dir.resolve("training.jsonl");
        Files.writeString(log, CdsTraining.bedrockLog(CdsTraining.TRAINING_RECORDS));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-verbose:class", "-Daicost.training=true", "-cp",
                System.getProperty("java.class.path"), "-Daicost.home=" + Path.of("").toAbsolutePath(),
                "dev.aicost.cli.Main", "usage", log.toString(), "--threads", "2", "--format", "json");
        Process process = new ProcessBuilder(command).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        // split in two parts, read on a pool of two threads (a 27 kB log is one part otherwise)
        assertThat(out).contains("java.util.concurrent.ThreadPoolExecutor ");
        // several readers read with read(2); one reader maps (on JDK 22 and later), as the
        // training's one-thread read does, so that the mapped path's classes are archived too
        assertThat(out).doesNotContain("java.lang.foreign.Arena ");
        if (Runtime.version().feature() >= 22) {
            List<String> one = new java.util.ArrayList<>(command);
            one.set(one.indexOf("2"), "1");
            Process single = new ProcessBuilder(one).start();
            String mapped = new String(single.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(single.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(single.exitValue()).isZero();
            assertThat(mapped).contains("java.lang.foreign.Arena ");
        }
        JsonNode report = new ObjectMapper().readTree(out.substring(out.indexOf("\n{") + 1));
        assertThat(report.get("records").asLong()).isEqualTo(30);
        assertThat(report.get("malformed_records").asLong()).isZero();
        long input = 0;
        long cacheRead = 0;
        long output = 0;
        long calls = 0;
        for (JsonNode model : report.get("models")) {
            calls += model.get("calls").asLong();
            input += model.get("input_tokens").asLong();
            cacheRead += model.get("cache_read_tokens").asLong();
            output += model.get("output_tokens").asLong();
        }
        assertThat(report.get("models")).hasSize(2);
        assertThat(calls).isEqualTo(30);
        // sum over i < 30 of i + 1000 = 30000 + 435
        assertThat(input).isEqualTo(30_435);
        // i % 7 for i < 30: four rounds of 0..6 (21 each) and then 0, 1
        assertThat(cacheRead).isEqualTo(85);
        // i % 50 + 100 for i < 30: 3000 + 435
        assertThat(output).isEqualTo(3_435);
    }
}
