package dev.aicost.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DuckDB's native library is unpacked once into the cache, and the driver loaded from it works. */
class DuckDbTest {
    @TempDir
    Path cache;

    private static Path jar() throws Exception {
        return Path.of(org.duckdb.DuckDBDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void theLibraryIsUnpackedOnceUnderItsCrcAndSize() throws Exception {
        Path library = DuckDb.unpacked(jar(), cache);
        long size;
        long crc;
        try (ZipFile zip = new ZipFile(jar().toFile())) {
            var entry = zip.getEntry("libduckdb_java.so_linux_amd64");
            size = entry.getSize();
            crc = entry.getCrc();
        }
        assertThat(library).isEqualTo(cache.resolve("duckdb-" + Long.toHexString(crc) + "-" + size)
                .resolve("libduckdb_java.so"));
        assertThat(Files.size(library)).isEqualTo(size);
        // the bytes are the entry's: their CRC-32 is the one the jar records
        java.util.zip.CRC32 check = new java.util.zip.CRC32();
        check.update(Files.readAllBytes(library));
        assertThat(check.getValue()).isEqualTo(crc);
        // a second run finds it and writes nothing
        var written = Files.getLastModifiedTime(library);
        Thread.sleep(20);
        assertThat(DuckDb.unpacked(jar(), cache)).isEqualTo(library);
        assertThat(Files.getLastModifiedTime(library)).isEqualTo(written);
        try (var files = Files.list(library.getParent())) {
            assertThat(files).containsExactly(library); // no part file left behind
        }
        // a damaged copy is unpacked again: cut short, or of the right size with one byte changed
        Files.write(library, new byte[] {1, 2, 3});
        assertThat(Files.size(DuckDb.unpacked(jar(), cache))).isEqualTo(size);
        byte[] bytes = Files.readAllBytes(library);
        bytes[bytes.length / 2] ^= 1;
        Files.write(library, bytes);
        DuckDb.unpacked(jar(), cache);
        check.reset();
        check.update(Files.readAllBytes(library));
        assertThat(check.getValue()).isEqualTo(crc);
    }

    @Test
    void aLibraryThatCannotBeLoadedFallsBackToTheDriverAsItComes() throws Exception {
        // the same file a second time in another loader: the JVM refuses it, the driver as it comes is used
        Path library = DuckDb.unpacked(jar(), cache);
        var first = DuckDb.load(Map.of());
        var second = DuckDb.load(Map.of());
        assertThat(library).exists();
        assertThat(second.getClass().getClassLoader()).isEqualTo(org.duckdb.DuckDBDriver.class.getClassLoader());
        try (Connection connection = second.connect("jdbc:duckdb:", new Properties());
                ResultSet result = connection.createStatement().executeQuery("SELECT 1")) {
            assertThat(result.next()).isTrue();
        }
        assertThat(first).isNotNull();
    }

    @Test
    void theDriverLoadedFromTheCacheRunsQueriesWithoutTheFlightRecorder() throws Exception {
        // a cache of its own (a JVM loads one library file into one class loader only)
        String property = System.clearProperty("aicost.cacheDir");
        java.sql.Driver driver;
        try {
            driver = DuckDb.load(Map.of("XDG_CACHE_HOME", cache.toString()));
        } finally {
            System.setProperty("aicost.cacheDir", property);
        }
        assertThat(cache.resolve("aicost")).isDirectory();
        assertThat(driver.getClass().getClassLoader()).as("loaded by the cache's loader, not as it comes")
                .isNotEqualTo(org.duckdb.DuckDBDriver.class.getClassLoader());
        try (Connection connection = driver.connect("jdbc:duckdb:", new Properties());
                ResultSet result = connection.createStatement().executeQuery("SELECT 6 * 7")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getInt(1)).isEqualTo(42);
        }
        Class<?> monitor = Class.forName("org.duckdb.JfrMemoryMonitor", true, driver.getClass().getClassLoader());
        var available = monitor.getDeclaredField("AVAILABLE");
        available.setAccessible(true);
        assertThat(available.getBoolean(null)).as("the driver's JFR memory monitor").isFalse();
    }

    @Test
    void theCacheIsXdgCacheHomeElseDotCache() {
        String property = System.clearProperty("aicost.cacheDir");
        try {
            assertThat(DuckDb.cacheRoot(Map.of("XDG_CACHE_HOME", "/var/cache/me"))).isEqualTo(Path.of("/var/cache/me/aicost"));
            assertThat(DuckDb.cacheRoot(Map.of())).isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "aicost"));
            assertThat(DuckDb.cacheRoot(Map.of("XDG_CACHE_HOME", " "))).isEqualTo(Path.of(System.getProperty("user.home"),
                    ".cache", "aicost"));
        } finally {
            if (property != null) {
                System.setProperty("aicost.cacheDir", property);
            }
        }
        assertThat(DuckDb.cacheRoot(Map.of("XDG_CACHE_HOME", "/elsewhere"))).isEqualTo(Path.of(property));
    }
}
