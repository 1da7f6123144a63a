package dev.aicost.cli;

import dev.aicost.input.InputException;
import dev.aicost.input.ModelMapReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code --compare} and {@code --map}: the other cards to price on, and how their models stand for the spec's. */
public final class CompareOptions {
    List<String> cards = new ArrayList<>();
    Path mapFile;

    /** Adds these options to {@code spec}, bound to this object. */
    @SuppressWarnings("unchecked")
    CompareOptions addTo(CommandSpec spec) {
        spec.addOption(Specs.bound(OptionSpec.builder("--compare").paramLabel("CARD").type(List.class)
                .auxiliaryTypes(String.class).splitRegex(",").completionCandidates(new Candidates.CardIds())
                .description("also price on these cards (ids or paths), mapping models by alias"),
                () -> cards, v -> cards = (List<String>) v).build());
        spec.addOption(Specs.bound(OptionSpec.builder("--map").paramLabel("FILE").type(Path.class)
                .description("model map for --compare (schema aicost/modelmap/v1), consulted before aliases"),
                () -> mapFile, v -> mapFile = (Path) v).build());
        return this;
    }

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
