package dev.aicost.usage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Driver;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * DuckDB's JDBC driver (the Parquet reader), with its native library unpacked once. The driver
 * inflates its 60 MB library out of its jar into a temporary file on every start: 0.5 s of a
 * 1.1 s read of a 23 MB Parquet export. Here the library is unpacked once into the user's cache
 * ({@link #cacheRoot}), under the name of the jar entry's CRC and size (and used only while its
 * bytes still have that CRC), and the driver is loaded by a class loader that hands it that file. When
 * the cache cannot be written, or the jar has no library for this platform, the driver is used as
 * it comes.
 */
final class DuckDb {
    private static Driver driver;

    private DuckDb() {
    }

    /** The driver, loaded once a run. */
    static synchronized Driver driver() {
        if (driver == null) {
            driver = load(System.getenv());
        }
        return driver;
    }

    static Driver load(Map<String, String> environment) {
        try {
            URL jar = org.duckdb.DuckDBDriver.class.getProtectionDomain().getCodeSource().getLocation();
            Path library = unpacked(Path.of(jar.toURI()), cacheRoot(environment));
            if (library != null) {
                ClassLoader loader = new CachedLibraryLoader(jar, library);
                // the library is loaded now, not at the first connection, so that a failure falls back here
                Class.forName("org.duckdb.DuckDBNative", true, loader);
                return (Driver) Class.forName("org.duckdb.DuckDBDriver", true, loader).getDeclaredConstructor()
                        .newInstance();
            }
        } catch (ReflectiveOperationException | IOException | RuntimeException | LinkageError e) {
            // fall through: the driver as it comes
        } catch (java.net.URISyntaxException e) {
            // a jar that is no file: the driver as it comes
        }
        return new org.duckdb.DuckDBDriver();
    }

    /**
     * Where aicost keeps what it unpacks: {@code $XDG_CACHE_HOME/aicost}, else
     * {@code ~/.cache/aicost}; the system property {@code aicost.cacheDir} wins (the tests keep
     * theirs under target/).
     */
    static Path cacheRoot(Map<String, String> environment) {
        String property = System.getProperty("aicost.cacheDir");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String cacheHome = environment.get("XDG_CACHE_HOME");
        return (cacheHome != null && !cacheHome.isBlank() ? Path.of(cacheHome)
                : Path.of(System.getProperty("user.home"), ".cache")).resolve("aicost");
    }

    /** The library of {@code jar} unpacked under {@code cache} (unpacking it the first time), or null. */
    static Path unpacked(Path jar, Path cache) throws IOException {
        if (!Files.isRegularFile(jar)) {
            return null;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return null; // the names other platforms' libraries go by are the driver's business
        }
        String entryName = "libduckdb_java.so_linux_amd64";
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null || entry.getSize() <= 0) {
                return null;
            }
            Path dir = cache.resolve("duckdb-" + Long.toHexString(entry.getCrc()) + "-"
                    + entry.getSize());
            Path library = dir.resolve("libduckdb_java.so");
            if (Files.isRegularFile(library) && Files.size(library) == entry.getSize() && crc(library) == entry.getCrc()) {
                return library;
            }
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, "libduckdb_java", ".part");
            try {
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
                }
                if (Files.size(temporary) != entry.getSize()) {
                    return null;
                }
                Files.move(temporary, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return library;
        }
    }

    /** The CRC-32 of a file (a damaged copy in the cache is unpacked again; about 10 ms for 60 MB). */
    private static long crc(Path file) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                crc.update(buffer, 0, n);
            }
        }
        return crc.getValue();
    }

    /**
     * Loads the driver's classes from its jar, hides the library packed in it, and names the
     * unpacked one when the driver asks for {@code duckdb_java} (the way its loader falls back to).
     * It also hides the JDK's flight recorder: at its first connection the driver registers a
     * periodic JFR memory event when {@code jdk.jfr.FlightRecorder} can be loaded, which starts
     * the recorder's machinery (about 90 ms); nothing here records JFR events.
     */
    private static final class CachedLibraryLoader extends URLClassLoader {
        private final Path library;

        CachedLibraryLoader(URL jar, Path library) {
            super(new URL[] {jar}, ClassLoader.getPlatformClassLoader());
            this.library = library;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("jdk.jfr.")) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            return name.startsWith("libduckdb_java") || name.startsWith("/libduckdb_java") ? null
                    : super.getResource(name);
        }

        @Override
        protected String findLibrary(String name) {
            return name.equals("duckdb_java") ? library.toAbsolutePath().toString() : null;
        }
    }
}
