package dev.aicost.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -o} never replaces a link, a device or a pipe: it writes through them, as a shell redirection would. */
class OutputGuardTest {
    private static final String SPEC = "examples/support-chatbot.yaml";

    @TempDir
    Path dir;

    @Test
    void aLinkKeepsPointingAtItsTargetWhichIsWritten() throws IOException {
        Path target = Files.writeString(dir.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), target);
        Cli.Result result = Cli.run("estimate", SPEC, "--format", "json", "-o", link.toString());
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).contains("\"schema\" : \"aicost/estimate/v1\"");
    }

    @Test
    void aDanglingLinkIsWrittenThroughToWhereItPoints() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), dir.resolve("later.json"));
        Cli.Result result = Cli.run("estimate", SPEC, "--format", "json", "-o", link.toString());
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(dir.resolve("later.json"))).contains("aicost/estimate/v1");
    }

    @Test
    void aCharacterDeviceIsWrittenThroughNeverReplaced() throws Exception {
        Path device = dir.resolve("null");
        Process mknod = new ProcessBuilder("mknod", device.toString(), "c", "1", "3").redirectErrorStream(true).start();
        assumeTrue(mknod.waitFor(10, TimeUnit.SECONDS) && mknod.exitValue() == 0, "mknod needs root");
        Cli.Result result = Cli.run("estimate", SPEC, "-o", device.toString());
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(Files.isRegularFile(device, LinkOption.NOFOLLOW_LINKS)).as("still a device").isFalse();
        assertThat(Files.exists(device)).isTrue();
    }

    @Test
    void aFifoIsWrittenThrough() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo is not available");
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(Files.readAllBytes(fifo), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "failed: " + e;
            }
        });
        Cli.Result result = Cli.run("estimate", SPEC, "--format", "json", "-o", fifo.toString());
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(reader.get(20, TimeUnit.SECONDS)).contains("aicost/estimate/v1");
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).as("still a pipe").isFalse();
    }

    @Test
    void aHardLinkToAnInputIsAnInput() throws IOException {
        Path log = Files.copy(Path.of("src/test/resources/usage/invocations.jsonl"), dir.resolve("log.jsonl"));
        Path alias = Files.createLink(dir.resolve("alias.jsonl"), log);
        byte[] before = Files.readAllBytes(log);
        Cli.Result result = Cli.run("usage", log.toString(), "--emit-workload", alias.toString());
        assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains(alias.toString()).contains("also an input");
        assertThat(Files.readAllBytes(log)).isEqualTo(before);
    }
}
