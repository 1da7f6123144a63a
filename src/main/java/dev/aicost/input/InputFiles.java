package dev.aicost.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files a command has read, by their real paths (symbolic links and {@code ..} resolved), so
 * that no output can overwrite one of them. Every reader records what it opens; every writer asks.
 */
public final class InputFiles {
    private static final Set<Path> READ = ConcurrentHashMap.newKeySet();
    /** The files' identities (device and inode), so a hard link to an input is one too. */
    private static final Set<Object> KEYS = ConcurrentHashMap.newKeySet();

    private InputFiles() {
    }

    /** Forgets what was read: a new command starts (the shell runs many in one process). */
    public static void clear() {
        READ.clear();
        KEYS.clear();
    }

    /** Records that {@code file} is an input of the running command. */
    public static void record(Path file) {
        READ.add(real(file));
        Object key = key(file);
        if (key != null) {
            KEYS.add(key);
        }
    }

    /** True when {@code file} names a file the running command read. */
    public static boolean isInput(Path file) {
        if (READ.contains(real(file))) {
            return true;
        }
        Object key = Files.exists(file) ? key(file) : null;
        return key != null && KEYS.contains(key);
    }

    private static Object key(Path file) {
        try {
            return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The real path of {@code file}: symbolic links and {@code ..} resolved; for a file that does
     * not exist yet, its folder's real path and its name.
     */
    public static Path real(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            if (Files.exists(absolute)) {
                return absolute.toRealPath();
            }
            if (Files.isSymbolicLink(absolute)) {
                Path target = Files.readSymbolicLink(absolute);
                return real(absolute.getParent().resolve(target));
            }
            Path parent = absolute.getParent();
            if (parent != null && Files.exists(parent, LinkOption.NOFOLLOW_LINKS)) {
                return parent.toRealPath().resolve(absolute.getFileName());
            }
        } catch (IOException e) {
            return absolute;
        }
        return absolute;
    }
}
