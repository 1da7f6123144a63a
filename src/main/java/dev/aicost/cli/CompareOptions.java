package dev.aicost.cli;

import dev.aicost.input.InputException;
import dev.aicost.input.ModelMapReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --compare} and {@code --map}: the other cards to price on, and how their models stand for the spec's. */
public final class CompareOptions {
    @Option(names = "--compare", paramLabel = "CARD", split = ",", completionCandidates = Candidates.CardIds.class,
            description = "also price on these cards (ids or paths), mapping models by alias")
    List<String> cards = new ArrayList<>();

    @Option(names = "--map", paramLabel = "FILE",
            description = "model map for --compare (schema aicost/modelmap/v1), consulted before aliases")
    Path mapFile;

    /** True when nothing is compared; bad input when a map was given without cards to compare. */
    boolean none() {
        if (cards.isEmpty() && mapFile != null) {
            throw InputException.of("--map", "only applies with --compare");
        }
        return cards.isEmpty();
    }

    /** The model map, or null without {@code --map}. */
    ModelMapReader.ModelMap map() {
        return mapFile == null ? null : ModelMapReader.read(mapFile);
    }
}
