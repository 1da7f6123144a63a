package dev.aicost.input;

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
 * ({@code $AICOST_HOME/ratecards}, set by the launcher), then in the user's folder
 * ({@code ~/.config/aicost/ratecards}, or {@code $XDG_CONFIG_HOME/aicost/ratecards}), then among
 * the cards packed in the jar. A value containing a slash or ending in .yaml/.yml is a path.
 * A card with {@code extends: ID-OR-PATH} is laid over that card: its mappings merge into the
 * base's, its other values replace the base's, so a small file can hold negotiated prices.
 */
public final class RateCardRepository {
    private static final int MAX_EXTENDS = 8;
    private final Path home;
    private final Path userDirectory;
    private final Map<String, RateCard> loaded = new HashMap<>();

    public RateCardRepository(Path home) {
        this(home, null);
    }

    public RateCardRepository(Path home, Path userDirectory) {
        this.home = home;
        this.userDirectory = userDirectory;
    }

    /** The repository for this installation: {@code aicost.home} system property, if set, and the user folder. */
    public static RateCardRepository fromSystem() {
        String home = System.getProperty("aicost.home");
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new RateCardRepository(home == null ? null : Path.of(home), config.resolve("aicost").resolve("ratecards"));
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
            card = RateCardReader.read(resolve(YamlLoader.load(Path.of(shown)), Path.of(shown), 0), shown);
        } else {
            card = loadBuiltIn(idOrPath, where);
        }
        loaded.put(key, card);
        return card;
    }

    private RateCard loadBuiltIn(String id, String where) {
        Path file = locate(id);
        if (file != null) {
            RateCard cached = cached(id, file);
            if (cached != null) {
                return checkId(cached, id, file.toString());
            }
            return checkId(RateCardReader.read(resolve(YamlLoader.load(file), file, 0), file.toString()), id,
                    file.toString());
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
                throw InputException.of(resource, IoMessages.cannotRead(e));
            }
        }
        List<String> known = builtInIds();
        List<String> close = Suggest.closest(id, known, 3);
        throw InputException.of(where, "unknown rate card '" + id + "'"
                + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?")
                + (known.isEmpty() ? "" : " (built-in: " + String.join(", ", known) + ")"));
    }

    private CardCache cache;
    private boolean cacheOpened;

    /** Card {@code id} from the start-up cache when it holds exactly {@code file}'s bytes; else null. */
    private RateCard cached(String id, Path file) {
        if (!cacheOpened) {
            cache = CardCache.fromSystem();
            cacheOpened = true;
        }
        if (cache == null) {
            return null;
        }
        try {
            return cache.lookup(id, Files.readAllBytes(file));
        } catch (IOException e) {
            return null; // the YAML path reports what is wrong with the file
        }
    }

    /**
     * Writes the start-up cache of the cards in the shipped folder (those that extend no other
     * card and read without a problem) to {@code target}; see {@link CardCache}.
     */
    public void writeCache(Path target) throws IOException {
        Map<String, Map.Entry<byte[], RateCard>> cards = new java.util.LinkedHashMap<>();
        if (home != null) {
            for (String id : builtInIds()) {
                Path file = home.resolve("ratecards").resolve(id + ".yaml");
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                try {
                    byte[] source = Files.readAllBytes(file);
                    YNode tree = YamlLoader.load(file);
                    if (tree instanceof YNode.YMap map && map.get("extends") == null) {
                        RateCard card = RateCardReader.read(tree, file.toString());
                        if (card.id().equals(id)) {
                            cards.put(id, Map.entry(source, card));
                        }
                    }
                } catch (InputException e) {
                    // a card with a problem is left to the YAML path, which reports it
                }
            }
        }
        CardCache.write(target, cards);
    }

    /** The file of card {@code id} in the shipped or the user folder, or null. */
    public Path locate(String id) {
        if (!id.matches("[A-Za-z0-9._-]+")) {
            return null;
        }
        for (Path folder : folders()) {
            Path file = folder.resolve(id + ".yaml");
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }

    /** The folders searched for ids, in order. */
    public List<Path> folders() {
        List<Path> folders = new ArrayList<>();
        if (home != null) {
            folders.add(home.resolve("ratecards"));
        }
        if (userDirectory != null) {
            folders.add(userDirectory);
        }
        return folders;
    }

    /** The YAML tree of a card with its {@code extends} chain merged in. */
    YNode resolve(YNode tree, Path file, int depth) {
        if (!(tree instanceof YNode.YMap overlay) || !(overlay.get("extends") instanceof YNode.YScalar base)) {
            return tree;
        }
        if (depth >= MAX_EXTENDS) {
            throw new InputException(new Problem(file.toString(), base.line(), base.column(), "extends",
                    "more than " + MAX_EXTENDS + " levels of extends (a cycle?)"));
        }
        if (!(overlay.get("id") instanceof YNode.YScalar)) {
            throw new InputException(new Problem(file.toString(), overlay.line(), overlay.column(), "id",
                    "a card that extends another needs its own id"));
        }
        String reference = base.text();
        Path baseFile;
        YNode baseTree;
        if (looksLikePath(reference)) {
            baseFile = file.toAbsolutePath().getParent().resolve(reference).normalize();
            if (!Files.isRegularFile(baseFile)) {
                throw new InputException(new Problem(file.toString(), base.line(), base.column(), "extends",
                        "card file " + baseFile + " not found"));
            }
            baseTree = YamlLoader.load(baseFile);
        } else {
            baseFile = locate(reference);
            if (baseFile != null) {
                baseTree = YamlLoader.load(baseFile);
            } else {
                baseTree = resource(reference);
                baseFile = Path.of("ratecards", reference + ".yaml");
                if (baseTree == null) {
                    List<String> close = Suggest.closest(reference, builtInIds(), 3);
                    throw new InputException(new Problem(file.toString(), base.line(), base.column(), "extends",
                            "unknown rate card '" + reference + "'" + (close.isEmpty() ? ""
                                    : "; did you mean " + String.join(", ", close) + "?")));
                }
            }
        }
        YNode resolvedBase = resolve(baseTree, baseFile, depth + 1);
        YNode.YMap merged = (YNode.YMap) merge(resolvedBase, overlay);
        merged.entries().remove("extends");
        merged.keyPositions().remove("extends");
        return merged;
    }

    /** {@code overlay} laid over {@code base}: mappings merge key by key; anything else replaces. */
    static YNode merge(YNode base, YNode overlay) {
        if (!(base instanceof YNode.YMap baseMap) || !(overlay instanceof YNode.YMap overlayMap)) {
            return overlay;
        }
        Map<String, YNode> entries = new java.util.LinkedHashMap<>(baseMap.entries());
        Map<String, int[]> positions = new java.util.LinkedHashMap<>(baseMap.keyPositions());
        for (Map.Entry<String, YNode> entry : overlayMap.entries().entrySet()) {
            YNode existing = entries.get(entry.getKey());
            entries.put(entry.getKey(), existing == null ? entry.getValue() : merge(existing, entry.getValue()));
            positions.put(entry.getKey(), overlayMap.keyPositions().get(entry.getKey()));
        }
        return new YNode.YMap(entries, positions, overlayMap.line(), overlayMap.column());
    }

    private static YNode resource(String id) {
        try (InputStream in = RateCardRepository.class.getResourceAsStream("/ratecards/" + id + ".yaml")) {
            if (in == null) {
                return null;
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return YamlLoader.load("ratecards/" + id + ".yaml", reader);
            }
        } catch (IOException e) {
            return null;
        }
    }

    private static RateCard checkId(RateCard card, String id, String file) {
        if (!card.id().equals(id)) {
            throw InputException.of(file, "id is '" + card.id() + "' but the file is named for '" + id + "'");
        }
        return card;
    }

    /** Ids of the cards in the shipped and the user folder (each once, in lookup order). */
    public List<String> builtInIds() {
        List<String> ids = new ArrayList<>();
        for (Path folder : folders()) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                        .map(n -> n.substring(0, n.length() - 5)).sorted().filter(id -> !ids.contains(id))
                        .forEach(ids::add);
            } catch (IOException e) {
                return ids;
            }
        }
        return ids;
    }
}
