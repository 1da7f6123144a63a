package dev.aicost.cli;

import dev.aicost.input.InputException;
import dev.aicost.input.InputFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The one way the tool writes a file (reports, emitted specs and profiles, plots, imported
 * cards). A regular file is written all at once: a temporary file beside it, then a rename, so a
 * failure leaves nothing half-written. A symbolic link is followed and its target written the
 * same way; the link stays. A character device or a FIFO ({@code /dev/null}, {@code /dev/stdout},
 * a named pipe) is written through, never replaced. A folder, or any file the command read (after
 * resolving links and {@code ..}), is refused with exit 2.
 */
final class AtomicFile {
    private AtomicFile() {
    }

    static void write(Path target, String content) {
        String shown = target.toString();
        Path real = InputFiles.real(target);
        if (InputFiles.isInput(target)) {
            throw InputException.of(shown, "is also an input of this command" + (real.equals(target.toAbsolutePath()
                    .normalize()) ? "" : " (" + real + ")") + ": write the output to another file");
        }
        if (Files.isDirectory(real)) {
            throw InputException.of(shown, "cannot write: it is a folder");
        }
        if (Files.exists(real) && !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            writeThrough(real, shown, content);
            return;
        }
        Path dir = real.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw InputException.of(shown, "cannot write: folder " + (dir == null ? target : dir) + " does not exist");
        }
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + real.getFileName(), ".tmp");
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            try {
                Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, real, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (AccessDeniedException e) {
            throw InputException.of(shown, "cannot write: permission denied");
        } catch (IOException e) {
            throw InputException.of(shown, "cannot write: " + e.getMessage());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the report itself was written or the error above is what matters
                }
            }
        }
    }

    /** A device or a pipe: written in place, as a shell redirection would. */
    private static void writeThrough(Path device, String shown, String content) {
        try (OutputStream out = Files.newOutputStream(device, StandardOpenOption.WRITE)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        } catch (AccessDeniedException e) {
            throw InputException.of(shown, "cannot write: permission denied");
        } catch (IOException e) {
            throw InputException.of(shown, "cannot write to this " + (Files.isDirectory(device) ? "folder" : "device")
                    + ": " + e.getMessage());
        }
    }
}
