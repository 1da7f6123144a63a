package dev.aicost.usage;

import java.nio.charset.StandardCharsets;

/**
 * A fast path for well-formed invocation-log lines: walks the JSON structure byte by byte, reads
 * only the top-level {@code timestamp} and {@code modelId}, the token counts in {@code input} and
 * {@code output} and one {@code requestMetadata} key, and skips everything else (bodies) by
 * scanning for quotes and brackets. Anything unusual (escapes in the wanted strings, numbers that
 * are not plain whole numbers, a missing field, malformed JSON) returns false, and the caller
 * parses the line with Jackson instead, so results and error messages are Jackson's.
 */
final class FastRecordScanner {
    private static final byte[] TIMESTAMP = bytes("timestamp");
    private static final byte[] MODEL_ID = bytes("modelId");
    private static final byte[] INPUT = bytes("input");
    private static final byte[] OUTPUT = bytes("output");
    private static final byte[] METADATA = bytes("requestMetadata");
    private static final byte[] REGION = bytes("region");
    private static final byte[] INFERENCE_REGION = bytes("inferenceRegion");
    private static final byte[] OUTPUT_BODY = bytes("outputBodyJson");
    private static final byte[] BODY_CACHE_READ = bytes("\"cacheReadInputTokens\"");
    private static final byte[] BODY_CACHE_WRITE = bytes("\"cacheWriteInputTokens\"");
    private static final byte[] INPUT_TOKENS = bytes("inputTokenCount");
    private static final byte[] OUTPUT_TOKENS = bytes("outputTokenCount");
    private static final byte[] CACHE_READ = bytes("cacheReadInputTokenCount");
    private static final byte[] CACHE_WRITE = bytes("cacheWriteInputTokenCount");

    /** What a byte means while a nested value is skipped: 0 nothing, else one of the kinds below. */
    private static final byte[] SKIP = new byte[256];
    private static final int QUOTE = 1;
    private static final int OPEN = 2;
    private static final int CLOSE = 3;
    private static final int NEWLINE = 4; // and every byte no JSON value holds outside its strings

    /** Bytes that end the plain part of a string: a quote, a backslash or a control character. */
    private static final boolean[] STRING_STOP = new boolean[256];

    static {
        STRING_STOP['"'] = true;
        STRING_STOP['\\'] = true;
        for (int c = 0; c < 0x20; c++) {
            STRING_STOP[c] = true;
        }
        SKIP['"'] = QUOTE;
        SKIP['{'] = OPEN;
        SKIP['['] = OPEN;
        SKIP['}'] = CLOSE;
        SKIP[']'] = CLOSE;
        SKIP['\n'] = NEWLINE;
        // Outside strings, a JSON value holds only structure, numbers, true, false, null and
        // whitespace: any other byte there (a control character, a quote of another kind, a
        // comment, NaN) means the careful parser decides. (A misspelt literal made of those
        // letters, or a missing comma, is not noticed here.)
        String allowed = " \t\r{}[],:0123456789-+.eEtruefalsn\"\n";
        for (int c = 0; c < 256; c++) {
            if (allowed.indexOf(c) < 0) {
                SKIP[c] = NEWLINE;
            }
        }
    }

    private final byte[] tagKey;
    private byte[] b;
    private int pos;
    private int end;

    // results of the last successful scan
    int timestampStart;
    int timestampEnd;
    int modelStart;
    int modelEnd;
    int tagStart;
    int tagEnd;
    int regionStart;
    int regionEnd;
    int inferenceStart;
    int inferenceEnd;
    int bodyStart;
    int bodyEnd;
    boolean cacheSeen;
    long input;
    long output;
    long cacheRead;
    long cacheWrite;

    FastRecordScanner(String tagKey) {
        this.tagKey = tagKey == null ? null : bytes(tagKey);
    }

    /** Scans {@code [from, to)}; true when every required field was found and read plainly. */
    boolean scan(byte[] buffer, int from, int to) {
        if (!scanObject(buffer, from, to)) {
            return false;
        }
        skipWhitespace();
        return pos == end;
    }

    /**
     * Scans the record that starts at {@code from} in a buffer filled up to {@code limit}, without
     * looking for its line's end first: the index just past the newline that ends it, or -1 when
     * the record is not plainly readable, ends past {@code limit}, or is not alone on its line
     * (the caller then finds the line and reads it the careful way). A raw newline is never part
     * of a record here, so a broken record cannot run into the next line.
     */
    int scanLine(byte[] buffer, int from, int limit) {
        if (from >= limit || buffer[from] != '{' || !scanObject(buffer, from, limit)) {
            return -1;
        }
        while (pos < end && (b[pos] == ' ' || b[pos] == '\t' || b[pos] == '\r')) {
            pos++;
        }
        return pos < end && b[pos] == '\n' ? pos + 1 : -1;
    }

    /** The record object at {@code from} with its wanted fields; {@code pos} is just past it. */
    private boolean scanObject(byte[] buffer, int from, int to) {
        b = buffer;
        pos = from;
        end = to;
        timestampStart = -1;
        modelStart = -1;
        tagStart = -1;
        regionStart = -1;
        inferenceStart = -1;
        bodyStart = -1;
        cacheSeen = false;
        input = -1;
        output = -1;
        cacheRead = 0;
        cacheWrite = 0;
        try {
            if (!object(0)) {
                return false;
            }
            if (timestampStart < 0 || modelStart < 0 || input < 0 || output < 0) {
                return false;
            }
            // no cache counts in input: the response body's usage may have them (Jackson reads those)
            return cacheSeen || bodyStart < 0 || Bytes.indexOfEither(b, bodyStart, bodyEnd, BODY_CACHE_READ,
                    BODY_CACHE_WRITE) < 0;
        } catch (ArrayIndexOutOfBoundsException e) {
            return false;
        }
    }

    /** An object at {@code level} 0 (the record) or 1 (input, output or requestMetadata, by {@code which}). */
    private boolean object(int which) {
        skipWhitespace();
        if (pos >= end || b[pos] != '{') {
            return false;
        }
        pos++;
        skipWhitespace();
        if (pos < end && b[pos] == '}') {
            pos++;
            return true;
        }
        boolean first = true;
        Guess previous = null; // the key before this one, when it is a known one
        // the buffer and its end in locals, and whitespace looked for only where a byte is one:
        // under C1 each field read is a load, and this loop runs a dozen times a record
        byte[] bytes = b;
        int stop = end;
        while (true) {
            int p = pos;
            if (p < stop && bytes[p] <= ' ') {
                skipSpaces();
                p = pos;
            }
            if (p >= stop || bytes[p] != '"') {
                return false;
            }
            int keyStart = p + 1;
            int keyEnd;
            int field;
            Guess guess = first ? firsts[which] : previous == null ? null : previous.next;
            if (guess != null && guess.at(bytes, keyStart, stop)) {
                // the key that came next the last time, closing quote and all
                keyEnd = keyStart + guess.length - 1;
                p = keyEnd + 1;
                field = guess.field;
            } else {
                pos = keyStart;
                keyEnd = stringEnd();
                if (keyEnd < 0) {
                    return false;
                }
                p = pos;
                guess = known(which, keyStart, keyEnd);
                field = guess != null ? guess.field : field(which, keyStart, keyEnd);
                if (first) {
                    firsts[which] = guess;
                } else if (previous != null) {
                    previous.next = guess;
                }
            }
            first = false;
            previous = guess;
            if (p < stop && bytes[p] <= ' ') {
                pos = p;
                skipSpaces();
                p = pos;
            }
            if (p >= stop || bytes[p] != ':') {
                return false;
            }
            p++;
            if (p < stop && bytes[p] <= ' ') {
                pos = p;
                skipSpaces();
                p = pos;
            }
            if (p >= stop) {
                return false;
            }
            if (field == 0 && bytes[p] == '"') {
                p = afterString(bytes, p + 1, stop); // an unwanted string, the commonest value
                if (p < 0) {
                    return false;
                }
                pos = p;
            } else {
                pos = p;
                if (!value(which, field)) {
                    return false;
                }
                p = pos;
            }
            if (p < stop && bytes[p] <= ' ') {
                skipSpaces();
                p = pos;
            }
            if (p >= stop) {
                return false;
            }
            if (bytes[p] == ',') {
                pos = p + 1;
            } else if (bytes[p] == '}') {
                pos = p + 1;
                return true;
            } else {
                return false;
            }
        }
    }

    /** Which wanted field key {@code [keyStart, keyEnd)} is in an object of kind {@code which}; 0 for none. */
    private int field(int which, int keyStart, int keyEnd) {
        int length = keyEnd - keyStart;
        byte first = b[keyStart];
        switch (which) {
            case 0 -> {
                // one comparison at most a key: by its length and first letter
                return switch (length) {
                    case 9 -> first == 't' && is(keyStart, keyEnd, TIMESTAMP) ? 1 : 0;
                    case 7 -> first == 'm' && is(keyStart, keyEnd, MODEL_ID) ? 2 : 0;
                    case 6 -> first == 'r' ? (is(keyStart, keyEnd, REGION) ? 3 : 0)
                            : first == 'o' && is(keyStart, keyEnd, OUTPUT) ? 6 : 0;
                    case 15 -> first == 'i' ? (is(keyStart, keyEnd, INFERENCE_REGION) ? 4 : 0)
                            : first == 'r' && is(keyStart, keyEnd, METADATA) ? 7 : 0;
                    case 5 -> first == 'i' && is(keyStart, keyEnd, INPUT) ? 5 : 0;
                    default -> 0;
                };
            }
            case 1, 2 -> {
                return switch (length) {
                    case 15 -> first == 'i' && is(keyStart, keyEnd, INPUT_TOKENS) ? 1 : 0;
                    case 16 -> first == 'o' && is(keyStart, keyEnd, OUTPUT_TOKENS) ? 2 : 0;
                    case 24 -> is(keyStart, keyEnd, CACHE_READ) ? 3 : 0;
                    case 25 -> is(keyStart, keyEnd, CACHE_WRITE) ? 4 : 0;
                    case 14 -> which == 2 && is(keyStart, keyEnd, OUTPUT_BODY) ? 5 : 0;
                    default -> 0;
                };
            }
            default -> {
                return tagKey != null && is(keyStart, keyEnd, tagKey) ? 1 : 0;
            }
        }
    }

    /** The value of wanted field {@code field} (0: none) in an object of kind {@code which}. */
    private boolean value(int which, int field) {
        switch (which) {
            case 0 -> {
                if (field == 0) {
                    return skipValue();
                }
                if (field >= 5) {
                    return b[pos] == '{' ? object(field - 4) : skipValue();
                }
                int start = plainString();
                if (start < 0) {
                    return false;
                }
                int stop = stringStop;
                switch (field) {
                    case 1 -> {
                        timestampStart = start;
                        timestampEnd = stop;
                    }
                    case 2 -> {
                        modelStart = start;
                        modelEnd = stop;
                    }
                    case 3 -> {
                        regionStart = start;
                        regionEnd = stop;
                    }
                    default -> {
                        inferenceStart = start;
                        inferenceEnd = stop;
                    }
                }
                return true;
            }
            case 1, 2 -> {
                if (field == 0) {
                    return skipValue();
                }
                if (field == 5) {
                    int start = pos;
                    if (!skipValue()) {
                        return false;
                    }
                    bodyStart = start;
                    bodyEnd = pos;
                    return true;
                }
                long count = wholeNumber();
                if (count < 0) {
                    return false;
                }
                switch (field) {
                    case 1 -> input = count;
                    case 2 -> output = count;
                    case 3 -> {
                        cacheRead = count;
                        cacheSeen |= which == 1;
                    }
                    default -> {
                        cacheWrite = count;
                        cacheSeen |= which == 1;
                    }
                }
                return true;
            }
            default -> {
                if (field == 1) {
                    tagStart = plainString();
                    tagEnd = stringStop;
                    return tagStart >= 0;
                }
                return skipValue();
            }
        }
    }

    /**
     * The keys met in each kind of object (the record, input, output, requestMetadata), at most
     * {@link #KNOWN} a kind, and for each the key that followed it the last time: records of a log
     * come with their keys in the same order, so a key is mostly found by one comparison with the
     * one expected, eight bytes at a time, without looking for its end.
     */
    private static final int KNOWN = 32;
    private final Guess[][] known = new Guess[4][KNOWN];
    private final int[] knownCount = new int[4];
    private final Guess[] firsts = new Guess[4];

    /** The known key {@code [keyStart, keyEnd)} of objects of kind {@code which}, added when new; null when full. */
    private Guess known(int which, int keyStart, int keyEnd) {
        Guess[] keys = known[which];
        int count = knownCount[which];
        int length = keyEnd + 1 - keyStart;
        for (int i = 0; i < count; i++) {
            Guess key = keys[i];
            if (key.length == length && key.at(b, keyStart, keyEnd + 1)) {
                return key;
            }
        }
        if (count == KNOWN) {
            return null;
        }
        Guess key = new Guess(b, keyStart, keyEnd + 1, field(which, keyStart, keyEnd));
        keys[count] = key;
        knownCount[which] = count + 1;
        return key;
    }

    /**
     * A key and its closing quote as met at one place of one kind of object, and the wanted field
     * it is. Its bytes came from a key read the careful way: no quote, backslash or control
     * character inside, so a match is that very key, ended where it ended.
     */
    private static final class Guess extends Words {
        final int field;
        /** The key that followed this one the last time; null when none was known. */
        Guess next;

        Guess(byte[] b, int from, int to, int field) {
            super(b, from, to);
            this.field = field;
        }
    }

    /**
     * Bytes compared with the bytes at a place of a buffer eight at a time, the last word
     * overlapping the one before it: a few loads where {@code Arrays.equals} is calls under C1.
     */
    static class Words {
        final int length;
        private final byte[] bytes;
        private final long[] words;
        /** The last eight bytes; of bytes fewer than eight, those in the low bytes of a word. */
        private final long lastWord;
        /** For bytes fewer than eight, the low bytes of a word that hold them; else 0. */
        private final long shortMask;

        Words(byte[] b, int from, int to) {
            this.bytes = java.util.Arrays.copyOfRange(b, from, to);
            this.length = bytes.length;
            this.words = new long[length >>> 3];
            for (int w = 0; w < words.length; w++) {
                words[w] = Bytes.longAt(bytes, w << 3);
            }
            if (length >= 8) {
                this.lastWord = Bytes.longAt(bytes, length - 8);
                this.shortMask = 0;
            } else {
                long word = 0;
                for (int i = length - 1; i >= 0; i--) {
                    word = word << 8 | (bytes[i] & 0xff);
                }
                this.lastWord = word;
                this.shortMask = length == 0 ? 0 : -1L >>> (64 - 8 * length);
            }
        }

        /** Whether these bytes are at {@code at}, before {@code end}. */
        final boolean at(byte[] b, int at, int end) {
            if (length < 8) {
                // one masked load where the array has eight bytes there
                if (at + 8 <= b.length) {
                    return at + length <= end && (Bytes.longAt(b, at) & shortMask) == lastWord;
                }
                return Bytes.startsWith(b, at, end, bytes);
            }
            if (at + length > end) {
                return false;
            }
            for (int w = 0; w < words.length; w++) {
                if (Bytes.longAt(b, at + (w << 3)) != words[w]) {
                    return false;
                }
            }
            return (length & 7) == 0 || Bytes.longAt(b, at + length - 8) == lastWord;
        }
    }

    /** Where the last {@link #plainString} ends (its closing quote). */
    private int stringStop;

    /**
     * A string value without escapes at {@code pos}: moves past it and returns where its text
     * starts ({@link #stringStop} where it ends), or -1 when it is no such string.
     */
    private int plainString() {
        if (b[pos] != '"') {
            return -1;
        }
        int start = ++pos;
        stringStop = stringEnd();
        return stringStop < 0 ? -1 : start;
    }

    /** Moves past a string's closing quote; returns where it ends, or -1 for escapes or no end. */
    private int stringEnd() {
        byte[] bytes = b;
        int p = pos;
        int stop = end;
        p = Bytes.quoteBackslashOrControl(bytes, p, stop);
        pos = p;
        if (p < stop && bytes[p] == '"') {
            pos = p + 1;
            return p;
        }
        return -1;
    }

    /**
     * Moves past the string at {@code pos}; false at a raw control character (a newline cuts the
     * record; JSON allows no other unescaped, and Jackson, which then reads the line, refuses it).
     */
    private boolean skipString() {
        int after = afterString(b, pos + 1, end);
        if (after < 0) {
            return false;
        }
        pos = after;
        return true;
    }

    /**
     * Just past the closing quote of the string whose text starts at {@code p}; -1 at a raw
     * control character, or when the string does not end before {@code stop}.
     */
    private static int afterString(byte[] bytes, int p, int stop) {
        while (true) {
            p = Bytes.quoteBackslashOrControl(bytes, p, stop);
            if (p >= stop) {
                return -1;
            }
            byte c = bytes[p];
            if (c == '"') {
                return p + 1;
            }
            if (c != '\\') {
                return -1;
            }
            p += 2;
        }
    }

    private boolean skipValue() {
        byte c = b[pos];
        if (c == '"') {
            return skipString();
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            byte[] bytes = b;
            int p = pos;
            int stop = end;
            while (p < stop) {
                // one table load a byte until a quote, a bracket or a newline (most bytes are none)
                int kind = SKIP[bytes[p] & 0xff];
                if (kind == 0) {
                    p++;
                    continue;
                }
                if (kind == QUOTE) {
                    // the string, eight bytes at a time, here rather than in calls: under C1 a
                    // call is not inlined and the scanner's fields are memory, these are registers
                    p++;
                    while (true) {
                        long match = 0;
                        while (p + 8 <= stop) {
                            match = Bytes.stringStops(Bytes.longAt(bytes, p));
                            if (match != 0) {
                                break;
                            }
                            p += 8;
                        }
                        if (match != 0) {
                            p += Bytes.firstFlagged(match);
                        } else {
                            while (p < stop && !STRING_STOP[bytes[p] & 0xff]) {
                                p++;
                            }
                            if (p >= stop) {
                                pos = p;
                                return false;
                            }
                        }
                        byte stopByte = bytes[p];
                        if (stopByte == '"') {
                            p++;
                            if (p + 1 < stop && bytes[p + 1] == '"' && (bytes[p] == ':' || bytes[p] == ',')) {
                                p += 2; // a key's string value or the next key at once: no table step between
                                continue;
                            }
                            break;
                        }
                        if (stopByte != '\\') {
                            pos = p; // a raw control character: a newline cuts the record
                            return false;
                        }
                        p += 2;
                    }
                    continue;
                }
                if (kind == OPEN) {
                    depth++;
                } else if (kind == CLOSE) {
                    if (--depth == 0) {
                        pos = p + 1;
                        return true;
                    }
                } else {
                    pos = p; // a newline inside a value (the record is cut), or a byte no JSON holds here
                    return false;
                }
                p++;
            }
            pos = p;
            return false;
        }
        int start = pos;
        while (pos < end) {
            c = b[pos];
            if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                break;
            }
            pos++;
        }
        return pos > start;
    }

    /** A plain non-negative whole number (no sign, fraction or exponent), or -1. */
    private long wholeNumber() {
        int start = pos;
        long value = 0;
        while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
            value = value * 10 + (b[pos] - '0');
            pos++;
        }
        int digits = pos - start;
        if (digits == 0 || digits > 18 || (digits > 1 && b[start] == '0')) {
            return -1;
        }
        if (pos < end) {
            byte c = b[pos];
            if (c != ',' && c != '}' && c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return -1;
            }
        }
        return value;
    }

    /** Spaces, tabs and carriage returns; never a newline, which ends a JSON Lines record. */
    private void skipWhitespace() {
        if (pos < end && b[pos] > ' ') {
            return; // compact JSON: small enough to be inlined, the loop below is a call
        }
        skipSpaces();
    }

    private void skipSpaces() {
        while (pos < end) {
            byte c = b[pos];
            if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private boolean is(int start, int stop, byte[] key) {
        if (stop - start != key.length) {
            return false;
        }
        for (int i = 0; i < key.length; i++) {
            if (b[start + i] != key[i]) {
                return false;
            }
        }
        return true;
    }

    String timestamp() {
        return new String(b, timestampStart, timestampEnd - timestampStart, StandardCharsets.UTF_8);
    }

    /**
     * Hours since the epoch of a UTC timestamp {@code YYYY-MM-DDTHH:...Z} read from the bytes, or
     * Long.MIN_VALUE when it has another form (the caller then parses the text).
     */
    long epochHour() {
        int s = timestampStart;
        int length = timestampEnd - s;
        if (length < 20 || b[s + 4] != '-' || b[s + 7] != '-' || b[s + 10] != 'T' || b[timestampEnd - 1] != 'Z') {
            return Long.MIN_VALUE;
        }
        int year = digits(s, 4);
        int month = digits(s + 5, 2);
        int day = digits(s + 8, 2);
        int hour = digits(s + 11, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) {
            return Long.MIN_VALUE;
        }
        long epochDay = epochDay(year, month, day);
        return epochDay == Long.MIN_VALUE ? Long.MIN_VALUE : epochDay * 24 + hour;
    }

    /**
     * The day since 1970-01-01 of a year 0-9999, a month 1-12 and a day, as
     * {@code LocalDate.of(year, month, day).toEpochDay()} computes it; {@link Long#MIN_VALUE} for a
     * day the month does not have. Arithmetic only: a LocalDate a record was garbage that a
     * C1-compiled run never collected (70 MB more resident at the end of a 4 GB gzip'd log).
     */
    static long epochDay(int year, int month, int day) {
        boolean leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
        int length = month == 2 ? (leap ? 29 : 28) : month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
        if (day > length) {
            return Long.MIN_VALUE;
        }
        long total = 365L * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400
                + (367 * month - 362) / 12 + day - 1;
        if (month > 2) {
            total -= leap ? 1 : 2;
        }
        return total - DAYS_0000_TO_1970;
    }

    /** Days from 0000-01-01 to 1970-01-01 in the proleptic Gregorian calendar. */
    private static final long DAYS_0000_TO_1970 = 719_528L;

    private int digits(int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    String modelId() {
        return models.get(b, modelStart, modelEnd);
    }

    String tag() {
        return tagStart < 0 ? null : tags.get(b, tagStart, tagEnd);
    }

    String region() {
        return regionStart < 0 ? null : regions.get(b, regionStart, regionEnd);
    }

    String inferenceRegion() {
        return inferenceStart < 0 ? null : regions.get(b, inferenceStart, inferenceEnd);
    }

    /** The model id's numbered entry, or null when the interner is full. */
    Interner.Entry modelEntry() {
        return models.entry(b, modelStart, modelEnd);
    }

    /** The tag's entry, {@link Interner#ABSENT} when the record has none, null when the interner is full. */
    Interner.Entry tagEntry() {
        return tagStart < 0 ? Interner.ABSENT : tags.entry(b, tagStart, tagEnd);
    }

    Interner.Entry regionEntry() {
        return regionStart < 0 ? Interner.ABSENT : regions.entry(b, regionStart, regionEnd);
    }

    Interner.Entry inferenceEntry() {
        return inferenceStart < 0 ? Interner.ABSENT : regions.entry(b, inferenceStart, inferenceEnd);
    }

    private final Interner regions = new Interner();

    private final Interner models = new Interner();
    private final Interner tags = new Interner();

    /**
     * The few distinct model ids and tags of a log, kept as strings and found again by their bytes;
     * each kept one is numbered from 1 (0 is {@link #ABSENT}), at most {@link #LIMIT} of them.
     */
    static final class Interner {
        static final int LIMIT = 256;
        static final Entry ABSENT = new Entry(new byte[0], 0, 0, null, 0);
        private Entry[] entries = new Entry[8];
        private int count;

        /** A kept string: its bytes, its text and its number. */
        static final class Entry extends Words {
            private final String value;
            private final int number;

            Entry(byte[] b, int from, int to, String value, int number) {
                super(b, from, to);
                this.value = value;
                this.number = number;
            }

            String value() {
                return value;
            }

            int number() {
                return number;
            }
        }

        String get(byte[] b, int from, int to) {
            Entry entry = entry(b, from, to);
            return entry != null ? entry.value() : new String(b, from, to - from, StandardCharsets.UTF_8);
        }

        /** The entry of {@code b[from, to)}, added when new; null when it is new and {@link #LIMIT} are kept. */
        Entry entry(byte[] b, int from, int to) {
            int length = to - from;
            Entry[] kept = entries;
            for (int i = 0; i < count; i++) {
                Entry entry = kept[i];
                if (entry.length == length && entry.at(b, from, to)) {
                    return entry;
                }
            }
            if (count >= LIMIT) {
                return null;
            }
            if (count == kept.length) {
                entries = java.util.Arrays.copyOf(kept, count * 2);
            }
            Entry entry = new Entry(b, from, to, new String(b, from, length, StandardCharsets.UTF_8), count + 1);
            entries[count++] = entry;
            return entry;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
