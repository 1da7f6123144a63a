package dev.aicost.usage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * Streams Bedrock model-invocation logs (JSON lines, plain or gzip) into {@link UsageAggregator}s.
 * Each line is parsed with Jackson's streaming parser, which reads only {@code timestamp},
 * {@code modelId}, the four token counts and the tag asked for, and skips request and response
 * bodies. A large plain file is split at line boundaries so that every core reads a part.
 */
public final class InvocationLogReader {
    /** Plain files above this size are split across threads. */
    static final long SPLIT_ABOVE = 16L * 1024 * 1024;
    /**
     * Set in the launcher's archive-training run (CdsTraining), which reads a small log the way a
     * large one is read, split across threads and mapped, so that those classes are archived too.
     */
    static final boolean TRAINING = Boolean.getBoolean("aicost.training");
    private static final int BUFFER = 1 << 20;
    private static final int MAX_LINE = 64 << 20;
    /** The tag value of calls whose record has no value for the {@code --by} key. */
    static final String UNTAGGED = "(untagged)";

    private final JsonFactory factory = new JsonFactory();
    private final String tagKey;
    private final boolean strict;
    private final boolean fastPath;
    private final AtomicLong bytesRead = new AtomicLong();
    private final ThreadLocal<FastRecordScanner> scanners;

    /**
     * @param tagKey the {@code requestMetadata} key to group by, or null
     * @param strict stop at the first malformed record (a {@link MalformedRecordException})
     */
    public InvocationLogReader(String tagKey, boolean strict) {
        this(tagKey, strict, true);
    }

    /** With {@code fastPath} false every line goes through Jackson (for differential tests). */
    InvocationLogReader(String tagKey, boolean strict, boolean fastPath) {
        this.tagKey = tagKey;
        this.strict = strict;
        this.fastPath = fastPath;
        this.scanners = ThreadLocal.withInitial(() -> new FastRecordScanner(tagKey));
    }

    /** Bytes read so far (of compressed files: compressed bytes), for a progress bar. */
    public AtomicLong bytesRead() {
        return bytesRead;
    }

    /** A malformed record met in strict mode. */
    public static final class MalformedRecordException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient UsageAggregator.Malformed record;

        MalformedRecordException(UsageAggregator.Malformed record) {
            super(record.file() + ":" + record.line() + ": " + record.message());
            this.record = record;
        }

        public UsageAggregator.Malformed record() {
            return record;
        }
    }

    /**
     * One piece of work: a whole file, or a byte range of a plain file ({@code index} counts the
     * ranges of one file from 0; {@code fileSize} is the whole file's).
     */
    record Part(Path file, boolean gzip, boolean records, long start, long end, int index, long fileSize) {
    }

    /** Reads {@code files} (regular files, already expanded), telling each one's shape by its content. */
    public UsageAggregator read(List<Path> files, Supplier<UsageAggregator> aggregators, int threads) {
        return readDetected(files.stream().map(InputFormat::detect).toList(), aggregators, threads);
    }

    /**
     * Reads detected log files using up to {@code threads} threads. A large plain file is cut at
     * line boundaries into many more ranges than there are threads, and each thread takes the next
     * range as it finishes one: a thread that the machine slows (a compile beside it, a busy
     * neighbour) reads fewer of them, where with one range each the other thread waited for it
     * (400 MB log, 2 threads: one half took 150-200 ms longer than the other in two runs of three).
     */
    public UsageAggregator readDetected(List<InputFormat.Detected> files, Supplier<UsageAggregator> aggregators,
            int threads) {
        List<Part> parts = parts(files, threads);
        int size = parts.size();
        long[] lineCounts = new long[size];
        Throwable[] failures = new Throwable[size];
        AtomicInteger next = new AtomicInteger();
        // the first range that failed: the ranges after it are not read, those before it are
        // finished, so that the failure reported is the one reading in order meets first
        AtomicInteger failedAt = new AtomicInteger(size);
        // a gzip'd file is inflated on a thread of its own where fewer parts than threads leave one idle
        boolean spareThread = threads > size;
        // mapped windows where one thread reads; read(2) where several do: unmapping a window in a
        // process whose other reader runs on another core interrupts that core to flush its TLB
        // (400 MB log, 2 threads, 30 alternate rounds: 0.96 of the time, peak 58 against 66 MB)
        boolean map = Math.min(threads, size) == 1;
        List<Callable<Worker>> tasks = new ArrayList<>();
        for (int t = 0; t < Math.min(threads, size); t++) {
            tasks.add(() -> {
                Worker worker = new Worker(new Lines(aggregators.get()));
                for (int k = next.getAndIncrement(); k < size && k < failedAt.get(); k = next.getAndIncrement()) {
                    int samplesBefore = worker.aggregator().sampleCount();
                    try {
                        lineCounts[k] = readPart(parts.get(k), worker, spareThread, map);
                    } catch (IOException e) {
                        failures[k] = dev.aicost.input.InputException.of(parts.get(k).file().toString(),
                                dev.aicost.input.IoMessages.cannotRead(e));
                    } catch (RuntimeException | Error e) {
                        failures[k] = e;
                    }
                    if (failures[k] != null) {
                        failedAt.accumulateAndGet(k, Math::min);
                        break;
                    }
                    worker.read.add(new PartRead(k, samplesBefore, worker.aggregator().sampleCount()));
                }
                worker.lines.finish();
                return worker;
            });
        }
        List<Worker> workers;
        try {
            workers = Parallel.run("aicost-usage", threads, tasks);
        } catch (IOException e) {
            throw new IllegalStateException(e); // the tasks keep their failures
        }
        for (int k = 0; k < size; k++) {
            if (failures[k] != null) {
                throw placed(failures[k], linesBefore(parts, lineCounts, k));
            }
        }
        UsageAggregator total = aggregators.get();
        // malformed samples renumbered from their range's first line to their file's, and the first
        // few in reading order kept, as one thread reading the ranges in turn would keep them
        List<Sample> samples = new ArrayList<>();
        for (Worker worker : workers) {
            List<UsageAggregator.Malformed> own = worker.aggregator().samples();
            for (PartRead read : worker.read) {
                long shift = linesBefore(parts, lineCounts, read.part());
                for (UsageAggregator.Malformed s : own.subList(read.samplesFrom(), read.samplesTo())) {
                    samples.add(new Sample(read.part(), new UsageAggregator.Malformed(s.file(), s.line() + shift,
                            s.message())));
                }
            }
            total.merge(worker.aggregator());
        }
        java.util.Collections.sort(samples);
        List<UsageAggregator.Malformed> kept = new ArrayList<>();
        for (int i = 0; i < Math.min(UsageAggregator.SAMPLES, samples.size()); i++) {
            kept.add(samples.get(i).malformed());
        }
        total.keepSamples(kept);
        return total;
    }

    /**
     * A malformed sample and the part it was met in, ordered as reading meets them (Comparable, not
     * {@code Comparator.comparing}, whose lambdas the JDK spins at run time).
     */
    private record Sample(int part, UsageAggregator.Malformed malformed) implements Comparable<Sample> {
        @Override
        public int compareTo(Sample other) {
            return part != other.part ? Integer.compare(part, other.part)
                    : Long.compare(malformed.line(), other.malformed.line());
        }
    }

    /**
     * What one thread keeps from part to part: how it reads lines (its aggregator among them), and
     * which parts it read, in order.
     */
    private record Worker(Lines lines, List<PartRead> read) {
        Worker(Lines lines) {
            this(lines, new ArrayList<>());
        }

        UsageAggregator aggregator() {
            return lines.aggregator;
        }
    }

    /** A part a thread read, and where the malformed samples it met are in the thread's aggregator. */
    private record PartRead(int part, int samplesFrom, int samplesTo) {
    }

    /** The lines of {@code part}'s file before it: the lines of the ranges of that file before it. */
    private static long linesBefore(List<Part> parts, long[] lineCounts, int k) {
        long lines = 0;
        for (int j = k - parts.get(k).index(); j < k; j++) {
            lines += lineCounts[j];
        }
        return lines;
    }

    /** {@code failure} with the line it names counted from its file's start, not its range's. */
    private static RuntimeException placed(Throwable failure, long linesBefore) {
        if (failure instanceof Error error) {
            throw error;
        }
        if (linesBefore == 0) {
            return (RuntimeException) failure;
        }
        if (failure instanceof MalformedRecordException malformed) {
            UsageAggregator.Malformed record = malformed.record();
            return new MalformedRecordException(new UsageAggregator.Malformed(record.file(),
                    record.line() + linesBefore, record.message()));
        }
        if (failure instanceof dev.aicost.input.InputException input && input.problems().size() == 1
                && input.problems().get(0).line() > 0) {
            dev.aicost.input.Problem p = input.problems().get(0);
            return new dev.aicost.input.InputException(new dev.aicost.input.Problem(p.file(),
                    (int) Math.min(Integer.MAX_VALUE, p.line() + linesBefore), p.column(), p.path(), p.message()));
        }
        return (RuntimeException) failure;
    }

    /**
     * The parts {@code files} are read in: a whole file each, but for a plain file of lines above
     * {@link #SPLIT_ABOVE} read with more than one thread, cut into ranges of {@link #chunk} bytes.
     */
    private static List<Part> parts(List<InputFormat.Detected> files, int threads) {
        List<Part> parts = new ArrayList<>();
        try {
            for (InputFormat.Detected detected : files) {
                Path file = detected.path();
                boolean gzip = detected.gzip();
                boolean records = detected.shape() == InputFormat.Shape.JSON_RECORDS;
                long size = Files.size(file);
                if (!gzip && !records && threads > 1 && (size > SPLIT_ABOVE || TRAINING)) {
                    long chunk = chunk(size, threads);
                    int count = (int) Math.max(threads, Math.min(MAX_CHUNKS, (size + chunk - 1) / chunk));
                    long[] bounds = split(file, size, count);
                    int index = 0;
                    for (int i = 0; i + 1 < bounds.length; i++) {
                        if (bounds[i + 1] > bounds[i] || i == 0) { // a line longer than a range leaves one empty
                            parts.add(new Part(file, false, false, bounds[i], bounds[i + 1], index++, size));
                        }
                    }
                } else {
                    parts.add(new Part(file, gzip, records, 0, size, 0, size));
                }
            }
        } catch (IOException e) {
            throw dev.aicost.input.InputException.of(files.isEmpty() ? "usage" : String.valueOf(files.get(0).path()),
                    dev.aicost.input.IoMessages.cannotRead(e));
        }
        return parts;
    }

    /** At most this many ranges a file. */
    private static final int MAX_CHUNKS = 4096;

    /**
     * The bytes of one range of a file of {@code size} bytes read with {@code threads} threads:
     * sixteen ranges a thread, each 4 to 64 MB (a range costs a file open and a few system calls).
     */
    static long chunk(long size, int threads) {
        return Math.max(4L << 20, Math.min(64L << 20, size / (16L * threads)));
    }

    /** Offsets that cut {@code file} into about {@code count} parts, each starting after a newline. */
    static long[] split(Path file, long size, int count) throws IOException {
        long[] bounds = new long[count + 1];
        bounds[count] = size;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(4096);
            for (int i = 1; i < count; i++) {
                long position = Math.max(size * i / count, bounds[i - 1]);
                long found = size;
                while (position < size) {
                    one.clear();
                    int n = channel.read(one, position);
                    if (n <= 0) {
                        break;
                    }
                    int at = -1;
                    for (int k = 0; k < n; k++) {
                        if (one.get(k) == '\n') {
                            at = k;
                            break;
                        }
                    }
                    if (at >= 0) {
                        found = position + at + 1;
                        break;
                    }
                    position += n;
                }
                bounds[i] = found;
            }
        }
        return bounds;
    }

    private long readPart(Part part, Worker worker, boolean spareThread, boolean map) throws IOException {
        try (FileChannel channel = FileChannel.open(part.file(), StandardOpenOption.READ)) {
            InputStream file;
            if (part.gzip() || !map) {
                channel.position(part.start());
                file = Channels.newInputStream(channel); // read on the inflating thread, maybe; ends at the part's end below
            } else {
                file = MappedStream.open(channel, part.start(), part.end(), part.fileSize());
            }
            InputStream raw = new CountingStream(file, part.end() - part.start(), bytesRead);
            InputStream in = raw;
            if (part.gzip()) {
                in = new GZIPInputStream(new BufferedInputStream(raw, BUFFER), BUFFER);
                if (spareThread) {
                    in = new InflatingStream(in, BUFFER, "aicost-inflate");
                }
            }
            try (InputStream input = in) {
                return part.records()
                        ? readRecords(new BufferedInputStream(input, BUFFER), part.file().toString(), worker.aggregator())
                        : readLines(input, part.file().toString(), worker.lines);
            }
        }
    }

    /**
     * What reading lines keeps from one part to the next on a thread: the read buffer, and the
     * fast path's scanner and sums, handed to the aggregator at {@link #finish}.
     */
    final class Lines {
        final UsageAggregator aggregator;
        byte[] buffer;
        final FastRecordScanner scanner;
        final ScannedSums sums;

        Lines(UsageAggregator aggregator) {
            this.aggregator = aggregator;
            this.scanner = fastPath && !strict ? scanners.get() : null;
            this.sums = scanner == null ? null : new ScannedSums(scanner, aggregator, tagKey != null);
        }

        /** Hands the fast path's sums to the aggregator. */
        void finish() {
            if (sums != null) {
                sums.flush();
            }
        }
    }

    /** Reads lines from {@code in} into {@code aggregator}; returns how many lines it saw. */
    long readLines(InputStream in, String file, UsageAggregator aggregator) throws IOException {
        Lines lines = new Lines(aggregator);
        long count = readLines(in, file, lines);
        lines.finish();
        return count;
    }

    /** Reads lines from {@code in}; returns how many lines it saw. */
    long readLines(InputStream in, String file, Lines lines) throws IOException {
        byte[] buffer = lines.buffer == null ? new byte[BUFFER] : lines.buffer;
        UsageAggregator aggregator = lines.aggregator;
        int filled = 0;
        long line = 0;
        FastRecordScanner scanner = lines.scanner;
        ScannedSums sums = lines.sums;
        while (true) {
            if (filled == buffer.length) {
                if (buffer.length >= MAX_LINE) {
                    throw new dev.aicost.input.InputException(new dev.aicost.input.Problem(file,
                            (int) Math.min(Integer.MAX_VALUE, line + 1), 1, null, "a line longer than "
                            + (MAX_LINE >> 20) + " MB: no invocation-log record is that long"));
                }
                buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
            }
            int n;
            try {
                n = in.read(buffer, filled, buffer.length - filled);
            } catch (java.util.zip.ZipException | java.io.EOFException e) {
                throw new dev.aicost.input.InputException(new dev.aicost.input.Problem(file,
                        (int) Math.min(Integer.MAX_VALUE, line + 1), 0, null, "the gzip data ends or breaks after "
                        + line + " whole lines (" + (e.getMessage() == null ? "truncated" : e.getMessage())
                        + "): a truncated download or copy?"));
            }
            if (n < 0) {
                break;
            }
            filled += n;
            int start = 0;
            while (true) {
                if (scanner != null) {
                    // the common case in one pass: a plain record read up to the newline that ends it
                    int next = scanner.scanLine(buffer, start, filled);
                    if (next > 0) {
                        long hour = scanner.epochHour();
                        if (hour != Long.MIN_VALUE) {
                            sums.add(hour);
                            line++;
                            start = next;
                            continue;
                        }
                    }
                }
                int i = Bytes.newline(buffer, start, filled);
                if (i < 0) {
                    break;
                }
                line++;
                parseLine(buffer, start, i, file, line, aggregator);
                start = i + 1;
            }
            System.arraycopy(buffer, start, buffer, 0, filled - start);
            filled -= start;
        }
        lines.buffer = buffer;
        if (filled > 0) {
            line++;
            parseLine(buffer, 0, filled, file, line, aggregator);
        }
        return line;
    }

    void parseLine(byte[] buffer, int start, int end, String file, long line, UsageAggregator aggregator) {
        int from = start;
        if (end - from >= 3 && buffer[from] == (byte) 0xEF && buffer[from + 1] == (byte) 0xBB
                && buffer[from + 2] == (byte) 0xBF) {
            from += 3; // a UTF-8 byte-order mark before the first record
        }
        while (from < end && (buffer[from] == ' ' || buffer[from] == '\t' || buffer[from] == '\r')) {
            from++;
        }
        if (from == end) {
            return;
        }
        if (strict) {
            int bad = Bytes.invalidUtf8(buffer, from, end);
            if (bad >= 0) {
                throw new MalformedRecordException(new UsageAggregator.Malformed(file, line,
                        "not UTF-8 text (byte " + (bad - from + 1) + " of the record)"));
            }
        }
        if (fastPath) {
            FastRecordScanner scanner = scanners.get();
            if (scanner.scan(buffer, from, end) && addScanned(scanner, aggregator)) {
                return;
            }
        }
        String problem;
        try {
            problem = parseRecord(buffer, from, end - from, aggregator);
        } catch (JsonParseException e) {
            problem = "invalid JSON: " + e.getOriginalMessage();
        } catch (IOException e) {
            problem = "unreadable: " + e.getMessage();
        }
        if (problem != null) {
            malformed(file, line, problem, aggregator);
        }
    }

    /** Adds the record the scanner just read; false when its timestamp needs the careful parser. */
    private boolean addScanned(FastRecordScanner scanner, UsageAggregator aggregator) {
        long hour = scanner.epochHour();
        if (hour == Long.MIN_VALUE) {
            hour = epochHour(scanner.timestamp());
        }
        if (hour == Long.MIN_VALUE) {
            return false;
        }
        String tag = null;
        if (tagKey != null) {
            tag = scanner.tag();
            tag = tag == null ? UNTAGGED : tag;
        }
        aggregator.add(scanner.modelId(), tag, scanner.region(), scanner.inferenceRegion(), hour, scanner.input,
                scanner.cacheRead, scanner.cacheWrite, scanner.output);
        return true;
    }

    /** A record that cannot be read: fatal with --strict, else counted (and sampled). */
    private void malformed(String file, long line, String problem, UsageAggregator aggregator) {
        if (strict) {
            throw new MalformedRecordException(new UsageAggregator.Malformed(file, line, problem));
        }
        aggregator.malformed(file, line, problem);
    }

    /** Parses one record into {@code aggregator}; returns why it is malformed, or null. */
    private String parseRecord(byte[] buffer, int offset, int length, UsageAggregator aggregator) throws IOException {
        try (JsonParser parser = factory.createParser(buffer, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "not a JSON object";
            }
            String problem = parseRecord(parser, aggregator);
            if (problem == null && parser.nextToken() != null) {
                return "invalid JSON: more after the record's closing brace";
            }
            return problem;
        }
    }

    /**
     * Parses the record whose START_OBJECT {@code parser} is on, up to and including its END_OBJECT,
     * into {@code aggregator}; returns why it is malformed, or null.
     */
    String parseRecord(JsonParser parser, UsageAggregator aggregator) throws IOException {
        String timestamp = null;
        String modelId = null;
        String tag = null;
        String region = null;
        String inferenceRegion = null;
        long input = -1;
        long output = -1;
        long cacheRead = -1;
        long cacheWrite = -1;
        long[] bodyCache = {-1, -1};
        String problem = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "timestamp" -> timestamp = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                case "modelId" -> modelId = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                case "region" -> region = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                case "inferenceRegion" -> inferenceRegion = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                case "input", "output", "requestMetadata" -> {
                    if (value != JsonToken.START_OBJECT) {
                        parser.skipChildren();
                        continue;
                    }
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String field = parser.currentName();
                        JsonToken inner = parser.nextToken();
                        if (name.equals("requestMetadata")) {
                            if (field.equals(tagKey) && inner.isScalarValue()) {
                                tag = parser.getText();
                            } else {
                                parser.skipChildren();
                            }
                            continue;
                        }
                        if (name.equals("output") && field.equals("outputBodyJson") && inner == JsonToken.START_OBJECT) {
                            bodyUsage(parser, bodyCache);
                            continue;
                        }
                        long count = switch (field) {
                            case "inputTokenCount", "outputTokenCount", "cacheReadInputTokenCount",
                                    "cacheWriteInputTokenCount" -> count(parser, inner, field);
                            default -> {
                                parser.skipChildren();
                                yield -2;
                            }
                        };
                        if (count == -3) {
                            problem = problem != null ? problem : name + "." + field + " must be a whole number >= 0";
                            continue;
                        }
                        switch (field) {
                            case "inputTokenCount" -> input = count;
                            case "outputTokenCount" -> output = count;
                            case "cacheReadInputTokenCount" -> cacheRead = count;
                            case "cacheWriteInputTokenCount" -> cacheWrite = count;
                            default -> {
                                // a body or another field: skipped above
                            }
                        }
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (problem != null) {
            return problem;
        }
        if (timestamp == null) {
            return "timestamp is missing";
        }
        if (modelId == null) {
            return "modelId is missing";
        }
        if (input < 0) {
            return "input.inputTokenCount is missing";
        }
        if (output < 0) {
            return "output.outputTokenCount is missing";
        }
        long hour = epochHour(timestamp);
        if (hour == Long.MIN_VALUE) {
            return "timestamp is not ISO-8601: '" + timestamp + "'";
        }
        // cache tokens from input.*, else from the response body's usage when only it has them
        long read = cacheRead >= 0 ? cacheRead : Math.max(0, bodyCache[0]);
        long write = cacheWrite >= 0 ? cacheWrite : Math.max(0, bodyCache[1]);
        aggregator.add(modelId, tagKey == null ? null : (tag == null ? UNTAGGED : tag), region, inferenceRegion,
                hour, input, read, write, output);
        return null;
    }

    /** Reads {@code usage.cacheReadInputTokens} / {@code cacheWriteInputTokens} of a response body object. */
    private static void bodyUsage(JsonParser parser, long[] cache) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!field.equals("usage") || value != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken number = parser.nextToken();
                int slot = key.equals("cacheReadInputTokens") ? 0 : key.equals("cacheWriteInputTokens") ? 1 : -1;
                if (slot >= 0 && number == JsonToken.VALUE_NUMBER_INT && parser.getLongValue() >= 0) {
                    cache[slot] = parser.getLongValue();
                } else {
                    parser.skipChildren();
                }
            }
        }
    }

    /**
     * Reads log records that are not one per line: a JSON array of records, or records one after
     * another spread over many lines (as copied from the AWS docs or CloudWatch). A record that is
     * not an object, or lacks a field, is malformed at the line it starts on; broken JSON ends the
     * file with bad input at its position, since no later record can be found with certainty.
     */
    long readRecords(InputStream in, String file, UsageAggregator aggregator) throws IOException {
        long lines = 0;
        try (JsonParser parser = factory.createParser(in)) {
            JsonToken token = parser.nextToken();
            boolean array = token == JsonToken.START_ARRAY;
            if (array) {
                token = parser.nextToken();
            }
            while (token != null && !(array && token == JsonToken.END_ARRAY)) {
                long line = parser.currentTokenLocation().getLineNr();
                String problem;
                if (token == JsonToken.START_OBJECT) {
                    problem = parseRecord(parser, aggregator);
                } else {
                    parser.skipChildren();
                    problem = "not a JSON object";
                }
                if (problem != null) {
                    malformed(file, line, problem, aggregator);
                }
                token = parser.nextToken();
            }
            if (array && parser.nextToken() != null) {
                throw positioned(file, parser, "more after the closing ']' of the array of records");
            }
            lines = parser.currentLocation().getLineNr();
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new dev.aicost.input.InputException(new dev.aicost.input.Problem(file, 0, 0, null,
                    "the gzip data ends or breaks inside the records (" + (e.getMessage() == null ? "truncated"
                    : e.getMessage()) + "): a truncated download or copy?"));
        } catch (JsonParseException e) {
            var at = e.getLocation();
            throw new dev.aicost.input.InputException(new dev.aicost.input.Problem(file,
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), null,
                    "invalid JSON: " + e.getOriginalMessage()));
        }
        return lines;
    }

    private static dev.aicost.input.InputException positioned(String file, JsonParser parser, String message) {
        var at = parser.currentTokenLocation();
        return new dev.aicost.input.InputException(new dev.aicost.input.Problem(file, at.getLineNr(), at.getColumnNr(),
                null, message));
    }

    private static long count(JsonParser parser, JsonToken token, String field) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return field.startsWith("cache") ? 0 : -3;
        }
        if (token != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            parser.skipChildren();
            return -3;
        }
        long value = parser.getLongValue();
        return value < 0 ? -3 : value;
    }

    /** Hours since the epoch of an ISO-8601 timestamp; a fast path for UTC, else java.time. */
    static long epochHour(String text) {
        try {
            if (text.length() >= 13 && text.charAt(4) == '-' && text.charAt(7) == '-'
                    && (text.charAt(10) == 'T' || text.charAt(10) == ' ')) {
                boolean utc = text.endsWith("Z") || text.endsWith("+00:00") || text.length() <= 19
                        || text.lastIndexOf('+') < 0 && text.lastIndexOf('-') < 10;
                if (utc) {
                    int year = digits(text, 0, 4);
                    int month = digits(text, 5, 2);
                    int day = digits(text, 8, 2);
                    int hour = digits(text, 11, 2);
                    if (hour > 23) {
                        return Long.MIN_VALUE;
                    }
                    return LocalDate.of(year, month, day).toEpochDay() * 24 + hour;
                }
            }
            return Math.floorDiv(OffsetDateTime.parse(text.replace(' ', 'T')).toEpochSecond(), 3600);
        } catch (DateTimeException | NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * Counts bytes for the progress bar and stops at the end of a part; a file that ends before it
     * (cut short while it is read) is an I/O error, as it is where the part is mapped, not a part
     * silently shorter than its range.
     */
    static final class CountingStream extends PartStream {
        private final long limit;
        private final AtomicLong counter;

        CountingStream(InputStream in, long limit, AtomicLong counter) {
            super(in, 0);
            this.limit = limit;
            this.counter = counter;
        }

        @Override
        long limit(long position) {
            return limit;
        }

        @Override
        void counted(int bytes) {
            counter.addAndGet(bytes);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n < 0 && position() < limit) {
                throw new IOException(MappedStream.SHORTER);
            }
            return n;
        }
    }
}
