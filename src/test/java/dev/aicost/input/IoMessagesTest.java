package dev.aicost.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/**
 * I/O failures are said in words. (The build runs as root on CI, where a file cannot be made
 * unreadable, so the exceptions a non-root user would meet are built here.)
 */
class IoMessagesTest {
    @Test
    void eachFailureInWords() {
        assertThat(IoMessages.cannotRead(new AccessDeniedException("/logs/a.jsonl")))
                .isEqualTo("cannot be read: permission denied");
        assertThat(IoMessages.cannotRead(new NoSuchFileException("/logs/a.jsonl"))).isEqualTo("file not found");
        assertThat(IoMessages.cannotRead(new MalformedInputException(1))).isEqualTo("is not UTF-8 text");
        assertThat(IoMessages.cannotRead(new FileSystemException("/logs", null, "Is a directory")))
                .isEqualTo("cannot be read: is a directory");
        assertThat(IoMessages.cannotRead(new java.io.EOFException())).startsWith("is not a readable gzip file");
        for (String message : new String[] {IoMessages.cannotRead(new AccessDeniedException("x")),
            IoMessages.cannotRead(new java.io.IOException("disk on fire"))}) {
            assertThat(message).doesNotContain("Exception");
        }
    }
}
