package dev.aicost.usage;

import dev.aicost.input.CsvInput;
import dev.aicost.input.InputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** A CSV billing export, plain or gzip, through the tool's one CSV reader. */
final class CsvBillingRows implements BillingRows {
    private final CsvInput csv;
    private final List<String> header;

    /** @param tagKey the {@code --by} tag, whose column is read too (null: none) */
    CsvBillingRows(Path file, boolean gzip, String tagKey) throws IOException {
        this(file.toString(), open(file, gzip), 0, null, tagKey);
    }

    /**
     * The rows of a part of a plain CSV file that starts at line {@code firstLine}, under the
     * file's {@code header} (null: the part is the file's start and has the header row).
     */
    CsvBillingRows(Path file, InputStream part, long firstLine, List<String> header, String tagKey)
            throws IOException {
        this(file.toString(), new BufferedInputStream(part, 1 << 16), firstLine - 1, header, tagKey);
    }

    private CsvBillingRows(String file, InputStream in, long lineOffset, List<String> knownHeader, String tagKey)
            throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        csv = new CsvInput(file, new InputStreamReader(in, decoder), lineOffset);
        if (knownHeader != null) {
            header = knownHeader;
        } else {
            CsvInput.Row first = csv.next();
            if (first == null) {
                csv.close();
                throw InputException.of(file, "is empty");
            }
            header = Arrays.asList(first.fields());
        }
        // only the columns the billing reader looks at become text: an export has dozens more
        java.util.Set<String> read = new java.util.HashSet<>();
        for (String column : BillingReader.COLUMNS) {
            read.add(column.toLowerCase(java.util.Locale.ROOT));
        }
        if (tagKey != null) {
            read.add(("resourceTags/user:" + tagKey).toLowerCase(java.util.Locale.ROOT));
        }
        boolean[] wanted = new boolean[header.size()];
        for (int i = 0; i < wanted.length; i++) {
            wanted[i] = read.contains(header.get(i).strip().toLowerCase(java.util.Locale.ROOT));
        }
        csv.readOnly(wanted);
    }

    private static InputStream open(Path file, boolean gzip) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return gzip ? new GZIPInputStream(in, 1 << 16) : in;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public CsvInput.Row next() {
        return csv.next();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
