package dev.aicost.usage;

import dev.aicost.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The files {@code aicost usage} was given, each with its shape told by content: all invocation
 * logs, or all billing exports of one kind (a mix is bad input).
 */
public record UsageInputs(List<InputFormat.Detected> logs, List<InputFormat.Detected> exports, long totalBytes) {

    /** Expands folders (their log and export files, sorted), detects every file, and checks the mix. */
    public static UsageInputs of(List<Path> inputs) {
        List<InputFormat.Detected> logs = new ArrayList<>();
        List<InputFormat.Detected> exports = new ArrayList<>();
        long bytes = 0;
        for (Path file : expand(inputs)) {
            InputFormat.Detected detected = InputFormat.detect(file);
            (detected.billing() ? exports : logs).add(detected);
            try {
                bytes += Files.size(file);
            } catch (IOException e) {
                throw InputException.of(file.toString(), dev.aicost.input.IoMessages.cannotRead(e));
            }
        }
        if (!exports.isEmpty() && logs.stream().anyMatch(d -> d.shape() != InputFormat.Shape.EMPTY)) {
            throw InputException.of(logs.get(0).path().toString(), "is an invocation log and "
                    + exports.get(0).path() + " a billing export: give invocation logs or billing exports, not both");
        }
        return new UsageInputs(List.copyOf(logs), List.copyOf(exports), bytes);
    }

    public boolean billing() {
        return !exports.isEmpty();
    }

    /** Files as given, and the log and export files under folders (sorted); an error for what does not exist. */
    static List<Path> expand(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isRegularFile(input)) {
                files.add(input);
            } else if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile).filter(p -> {
                        String name = p.getFileName().toString();
                        return name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".gz")
                                || name.endsWith(".ndjson") || name.endsWith(".csv") || name.endsWith(".parquet");
                    }).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw InputException.of(input.toString(), dev.aicost.input.IoMessages.cannotRead(e));
                }
            } else if (Files.exists(input)) {
                throw InputException.of(input.toString(), "is not a regular file or a folder");
            } else {
                throw InputException.of(input.toString(), "file not found");
            }
        }
        if (files.isEmpty()) {
            throw InputException.of(String.join(", ", inputs.stream().map(Path::toString).toList()),
                    "no log or export files (.json, .jsonl, .ndjson, .csv, .parquet, .gz) found");
        }
        return files;
    }

    /** Reads the billing exports into {@code reader}, each through the row source its shape needs. */
    /**
     * The billing query of {@code usage --sql} for these exports (all of one kind), from the
     * columns of the first of them.
     */
    public String billingSql(SqlEmitter.Dialect dialect, String tagKey) {
        InputFormat.Detected first = exports.get(0);
        boolean parquet = first.shape() == InputFormat.Shape.PARQUET;
        List<String> header;
        BillingReader.Kind kind = first.kind();
        if (parquet) {
            header = ParquetBillingRows.columnNames(first.path());
        } else {
            try (CsvBillingRows rows = new CsvBillingRows(first.path(), first.gzip(), tagKey)) {
                header = rows.header();
            } catch (IOException e) {
                throw InputException.of(first.path().toString(), dev.aicost.input.IoMessages.cannotRead(e));
            }
        }
        if (kind == null) {
            kind = BillingReader.detect(header);
        }
        return BillingSqlEmitter.emit(dialect, kind, header, exports.stream().map(e -> e.path().toString()).toList(),
                parquet, tagKey);
    }

    public void readExports(BillingReader reader, String tagKey, int threads) {
        readExports(reader, tagKey, threads, SPLIT_ABOVE);
    }

    /** ... cutting plain CSV exports above {@code splitAbove} bytes into parts (tests cut small files). */
    void readExports(BillingReader reader, String tagKey, int threads, long splitAbove) {
        for (InputFormat.Detected export : exports) {
            String file = export.path().toString();
            try {
                if (export.shape() != InputFormat.Shape.PARQUET && !export.gzip() && threads > 1
                        && readInParts(reader, export, tagKey, threads, splitAbove)) {
                    continue;
                }
                try (BillingRows rows = export.shape() == InputFormat.Shape.PARQUET
                        ? new ParquetBillingRows(export.path(), tagKey, threads)
                        : new CsvBillingRows(export.path(), export.gzip(), tagKey)) {
                    BillingReader.Kind kind = export.kind() != null ? export.kind() : BillingReader.detect(rows.header());
                    reader.read(file, kind, rows);
                }
            } catch (IOException e) {
                throw InputException.of(file, dev.aicost.input.IoMessages.cannotRead(e));
            }
        }
    }

    /** A plain CSV export above this size is cut into parts read on separate threads. */
    static final long SPLIT_ABOVE = 16L * 1024 * 1024;

    /**
     * Reads a plain CSV export as {@code threads} parts at once, each into a reader of its own,
     * merged in file order, so sums, samples and messages are those of one reader reading it all.
     * The first part is read from the start while another thread finds where the next begins
     * (see {@link CsvSplit}); a file that cannot be cut is read whole by the first. False (nothing
     * read) when the file is small or has so many other meters that which of them are folded
     * would depend on the order (the caller then reads it in one piece).
     */
    @SuppressWarnings("unchecked")
    private static boolean readInParts(BillingReader reader, InputFormat.Detected export, String tagKey, int threads,
            long splitAbove) throws IOException {
        Path path = export.path();
        String file = path.toString();
        long size = Files.size(path);
        if (size <= splitAbove) {
            return false;
        }
        List<String> header;
        try (CsvBillingRows rows = new CsvBillingRows(path, false, tagKey)) {
            header = rows.header();
        }
        BillingReader.Kind kind = export.kind() != null ? export.kind() : BillingReader.detect(header);
        long[] targets = CsvSplit.targets(size, threads);
        CompletableFuture<CsvSplit.Cut>[] cuts = new CompletableFuture[threads - 1];
        for (int k = 0; k < cuts.length; k++) {
            cuts[k] = new CompletableFuture<>();
        }
        List<BillingReader> readers = new ArrayList<>();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            BillingReader part = reader.emptyLike();
            readers.add(part);
            int k = i;
            tasks.add(() -> {
                CsvSplit.Cut start = k == 0 ? new CsvSplit.Cut(0, 1) : cuts[k - 1].join();
                if (start.offset() >= size) {
                    return null; // no cut was made here: the part before read on to the end
                }
                boolean last = k == cuts.length;
                try (CsvBillingRows rows = new CsvBillingRows(path, CsvSplit.part(path, start.offset(),
                        last ? Long.MAX_VALUE : targets[k], last ? null : cuts[k]), start.line(),
                        k == 0 ? null : header, tagKey)) {
                    part.read(file, kind, rows);
                }
                return null;
            });
        }
        // the scan runs beside the parts, which wait on it for where they start and end
        tasks.add(() -> {
            CsvSplit.find(path, size, targets, cuts);
            return null;
        });
        Parallel.run("aicost-billing", tasks.size(), tasks);
        BillingReader merged = reader.emptyLike();
        for (BillingReader part : readers) {
            if (!merged.mergesExactly(part)) {
                return false;
            }
            merged.merge(file, part);
        }
        if (!reader.mergesExactly(merged)) {
            return false;
        }
        reader.merge(file, merged);
        return true;
    }
}
