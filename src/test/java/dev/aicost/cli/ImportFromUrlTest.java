package dev.aicost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ratecards import} from an http URL, against a server this test starts on loopback. */
class ImportFromUrlTest {
    @TempDir
    Path dir;

    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws IOException {
        byte[] extract = Files.readAllBytes(Path.of("src/test/resources/import/litellm-extract.json"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/prices.json", exchange -> {
            exchange.sendResponseHeaders(200, extract.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(extract);
            }
        });
        server.createContext("/moved.json", exchange -> {
            exchange.getResponseHeaders().add("Location", "/prices.json");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/broken.json", exchange -> {
            byte[] half = "{\"gpt-5\": {\"input_cost_per_token\": ".getBytes();
            exchange.sendResponseHeaders(200, half.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(half);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aUrlImportsExactlyAsTheSameFileDoes() throws IOException {
        Path fromUrl = dir.resolve("from-url.yaml");
        Path fromFile = dir.resolve("from-file.yaml");
        Cli.Result remote = Cli.run("ratecards", "import", "litellm", base + "/moved.json", "--provider", "bedrock",
                "--prefix", "us.", "--id", "t", "-o", fromUrl.toString());
        assertThat(remote.exit()).as(remote.err()).isZero();
        Cli.Result local = Cli.run("ratecards", "import", "litellm", "src/test/resources/import/litellm-extract.json",
                "--provider", "bedrock", "--prefix", "us.", "--id", "t", "-o", fromFile.toString(),
                "--source", base + "/moved.json");
        assertThat(local.exit()).as(local.err()).isZero();
        // the same card: only the header comment names where it came from differently; the source is the URL
        String a = Files.readString(fromUrl);
        String b = Files.readString(fromFile);
        assertThat(a.substring(a.indexOf("schema:"))).isEqualTo(b.substring(b.indexOf("schema:")));
        assertThat(a).contains("from " + base + "/moved.json on ").contains("source: " + base + "/moved.json");
        assertThat(a).contains("anthropic.claude-sonnet-4-5-20250929-v1:0:").contains("input: 3.3");
    }

    @Test
    void aMissingPageABrokenTransferAndNoServerAreExit2WithNothingWritten() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort(); // free once closed: nothing listens there
        }
        Path out = dir.resolve("card.yaml");
        String[][] cases = {
            {base + "/missing.json", "HTTP 404 (not found)"},
            {base + "/broken.json", "invalid JSON"},
            {"http://127.0.0.1:" + closed + "/prices.json", "offline? download the file and pass its path instead"},
            {"http://", "not a valid URL"},
        };
        for (String[] c : cases) {
            Cli.Result result = Cli.run("ratecards", "import", "litellm", c[0], "--provider", "bedrock", "--id", "t",
                    "-o", out.toString());
            assertThat(result.exit()).as(c[0] + ": " + result.err()).isEqualTo(2);
            assertThat(result.err()).as(c[0]).contains(c[0]).contains(c[1]).doesNotContain("Exception");
            assertThat(out).doesNotExist();
        }
    }
}
