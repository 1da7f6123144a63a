package dev.aicost.spec;

import dev.aicost.model.RateCard;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds rate cards by id or path. Ids are looked up in the shipped {@code ratecards/} folder
 * ({@code $AICOST_HOME/ratecards}, set by the launcher), then among the cards packed in the jar.
 * A value containing a slash or ending in .yaml/.yml is a path.
 */
public final class RateCardRepository {
    private final Path home;
    private final Map<String, RateCard> loaded = new HashMap<>();

    public RateCardRepository(Path home) {
        this.home = home;
    }

    /** The repository for this installation: {@code aicost.home} system property, if set. */
    public static RateCardRepository fromSystem() {
        String home = System.getProperty("aicost.home");
        return new RateCardRepository(home == null ? null : Path.of(home));
    }

    public static boolean looksLikePath(String value) {
        return value.contains("/") || value.contains("\\") || value.endsWith(".yaml") || value.endsWith(".yml");
    }

    /**
     * Loads a card. {@code relativeTo} resolves relative paths (the spec's folder for a
     * {@code ratecard:} key; null for the working directory). {@code where} says who asked,
     * for the message when the id is unknown.
     */
    public RateCard load(String idOrPath, Path relativeTo, String where) {
        String key = (looksLikePath(idOrPath) && relativeTo != null ? relativeTo.resolve(idOrPath).toString()
                : idOrPath);
        RateCard cached = loaded.get(key);
        if (cached != null) {
            return cached;
        }
        RateCard card;
        if (looksLikePath(idOrPath)) {
            Path path = relativeTo == null ? Path.of(idOrPath) : relativeTo.resolve(idOrPath).normalize();
            String shown = relativeTo == null ? idOrPath : path.toString();
            if (!Files.exists(path)) {
                throw InputException.of(where, "rate card file " + shown + " not found");
            }
            card = RateCardReader.read(YamlLoader.load(Path.of(shown)), shown);
        } else {
            card = loadBuiltIn(idOrPath, where);
        }
        loaded.put(key, card);
        return card;
    }

    private RateCard loadBuiltIn(String id, String where) {
        if (home != null) {
            Path file = home.resolve("ratecards").resolve(id + ".yaml");
            if (Files.isRegularFile(file)) {
                return checkId(RateCardReader.read(YamlLoader.load(file), file.toString()), id, file.toString());
            }
        }
        String resource = "/ratecards/" + id + ".yaml";
        if (id.matches("[A-Za-z0-9._-]+")) {
            try (InputStream in = RateCardRepository.class.getResourceAsStream(resource)) {
                if (in != null) {
                    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                        String name = "ratecards/" + id + ".yaml";
                        return checkId(RateCardReader.read(YamlLoader.load(name, reader), name), id, name);
                    }
                }
            } catch (IOException e) {
                throw InputException.of(resource, "cannot be read: " + e.getMessage());
            }
        }
        List<String> known = builtInIds();
        List<String> close = Suggest.closest(id, known, 3);
        throw InputException.of(where, "unknown rate card '" + id + "'"
                + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?")
                + (known.isEmpty() ? "" : " (built-in: " + String.join(", ", known) + ")"));
    }

    private static RateCard checkId(RateCard card, String id, String file) {
        if (!card.id().equals(id)) {
            throw InputException.of(file, "id is '" + card.id() + "' but the file is named for '" + id + "'");
        }
        return card;
    }

    /** Ids of the cards in the shipped folder. */
    public List<String> builtInIds() {
        List<String> ids = new ArrayList<>();
        if (home != null && Files.isDirectory(home.resolve("ratecards"))) {
            try (Stream<Path> files = Files.list(home.resolve("ratecards"))) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                        .map(n -> n.substring(0, n.length() - 5)).sorted().forEach(ids::add);
            } catch (IOException e) {
                return ids;
            }
        }
        return ids;
    }
}
