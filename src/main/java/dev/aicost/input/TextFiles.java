package dev.aicost.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a small text input (a workload spec, a rate card, an EDP or route spec) whole, within a
 * size bound, as strict UTF-8: a byte-order mark is skipped, and a byte that is not UTF-8 is bad
 * input at its line and column.
 */
public final class TextFiles {
    private TextFiles() {
    }

    /** The text of {@code path}, at most {@code maxBytes} long; {@code what} names the kind of file. */
    public static String read(Path path, long maxBytes, String what) {
        String file = path.toString();
        if (Files.isDirectory(path)) {
            throw InputException.of(file, "is a folder, not " + what);
        }
        InputFiles.record(path);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw InputException.of(file, IoMessages.cannotRead(e));
        }
        if (bytes.length > maxBytes) {
            throw InputException.of(file, "is larger than " + (maxBytes >> 20) + " MB; " + what
                    + " is a few kilobytes (is this the right file?)");
        }
        return decode(file, bytes);
    }

    /** {@code bytes} as UTF-8 (a BOM skipped); bad input at the line and column of the first invalid byte. */
    static String decode(String file, byte[] bytes) {
        int from = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate(bytes.length - from + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            int column = 1;
            for (int i = from; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    column = 1;
                } else if ((bytes[i] & 0xC0) != 0x80) {
                    column++;
                }
            }
            throw new InputException(new Problem(file, line, column, null, String.format(
                    "is not UTF-8 text: byte 0x%02X here is not a UTF-8 character (save the file as UTF-8)",
                    bytes[at] & 0xff)));
        }
        out.flip();
        return out.toString();
    }
}
