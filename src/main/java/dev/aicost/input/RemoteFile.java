package dev.aicost.input;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * A price file fetched over http(s), only when the user names a URL (nothing else in the tool
 * touches the network). The body is read whole into memory within a bound, so a failed or cut
 * transfer never leaves half a file anywhere; every failure is an input problem in words.
 */
public final class RemoteFile {
    /** LiteLLM's whole map is about 1.5 MB and an AWS offer file for Bedrock a few MB. */
    static final long MAX_BYTES = 256L * 1024 * 1024;
    private static final Duration CONNECT = Duration.ofSeconds(10);
    private static final Duration WHOLE = Duration.ofSeconds(120);

    private RemoteFile() {
    }

    public static boolean isUrl(String source) {
        String lower = source.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** The body of {@code url}, or an {@link InputException} that says why there is none. */
    public static byte[] fetch(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw InputException.of(url, "not a valid URL: " + e.getMessage());
        }
        if (uri.getHost() == null) {
            throw InputException.of(url, "not a valid URL: no host");
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(WHOLE).header("Accept", "application/json")
                .header("User-Agent", "aicost").GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (UnknownHostException e) {
            throw offline(url, "host " + uri.getHost() + " not found");
        } catch (HttpConnectTimeoutException e) {
            throw offline(url, "no connection to " + uri.getHost() + " within " + CONNECT.toSeconds() + " s");
        } catch (HttpTimeoutException e) {
            throw InputException.of(url, "no answer within " + WHOLE.toSeconds() + " s");
        } catch (ConnectException e) {
            throw offline(url, "connection refused or no network");
        } catch (IOException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof UnknownHostException) {
                throw offline(url, "host " + uri.getHost() + " not found");
            }
            if (cause instanceof ConnectException) {
                throw offline(url, "connection refused or no network");
            }
            throw InputException.of(url, "could not be fetched: " + IoMessages.cannotRead(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw InputException.of(url, "fetch interrupted");
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw InputException.of(url, "the server answered HTTP " + response.statusCode()
                        + (response.statusCode() == 404 ? " (not found)" : "") + "; nothing was imported");
            }
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES + 1));
            if (bytes.length > MAX_BYTES) {
                throw InputException.of(url, "is larger than " + MAX_BYTES / (1024 * 1024) + " MB; download it and "
                        + "pass the file");
            }
            return bytes;
        } catch (IOException e) {
            throw InputException.of(url, "the transfer broke off: " + IoMessages.cannotRead(e));
        }
    }

    /** The JSON object at {@code url}. */
    public static java.util.Map<String, Object> readObject(String url) {
        return JsonTree.readObject(url, new ByteArrayInputStream(fetch(url)));
    }

    private static InputException offline(String url, String why) {
        return InputException.of(url, "could not be fetched: " + why + " (offline? download the file and "
                + "pass its path instead)");
    }
}
