package dev.aicost.input;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** What went wrong reading a file, in words rather than Java class names. */
public final class IoMessages {
    private IoMessages() {
    }

    /** "cannot be read: permission denied", "file not found", ...: the text after the file name. */
    public static String cannotRead(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "file not found";
        }
        if (e instanceof AccessDeniedException) {
            return "cannot be read: permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "cannot be read: a part of its path is not a folder";
        }
        if (e instanceof CharacterCodingException) {
            return "is not UTF-8 text";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return "cannot be read: " + fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        if (e instanceof java.util.zip.ZipException || e instanceof java.io.EOFException) {
            return "is not a readable gzip file: " + (e.getMessage() == null ? "it ends too soon" : e.getMessage());
        }
        String message = e.getMessage();
        return "cannot be read" + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
