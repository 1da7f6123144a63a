package dev.aicost.usage;

import dev.aicost.input.CsvInput;
import dev.aicost.input.InputException;
import dev.aicost.input.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of the billing query of {@code usage --sql}, as the rows of an export: the columns the
 * query kept under their own names, an amount's text in place of its sum where it was not a number,
 * and each row weighted by the export rows it stands for ({@code aicost_rows}). Lines are the
 * result's own.
 */
final class SqlResultBillingRows implements BillingRows {
    private final String file;
    private final CsvInput csv;
    private final List<String> header = new ArrayList<>();
    /** Per output field: its column in the result; for amounts also the column of their raw text (or -1). */
    private final int[] from;
    private final int[] raw;
    private final int resultColumn;
    private final int rowsColumn;
    private long weight = 1;

    SqlResultBillingRows(String file, CsvInput csv, CsvInput.Row resultHeader) {
        this.file = file;
        this.csv = csv;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < resultHeader.size(); i++) {
            names.add(resultHeader.get(i));
        }
        List<Integer> fromColumns = new ArrayList<>();
        List<Integer> rawColumns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.startsWith("aicost_") || name.equals("tag_key") || name.endsWith(BillingSqlEmitter.RAW)
                    || name.endsWith(BillingSqlEmitter.SIGN)) {
                continue;
            }
            header.add(name);
            fromColumns.add(i);
            rawColumns.add(names.indexOf(name + BillingSqlEmitter.RAW));
        }
        from = fromColumns.stream().mapToInt(Integer::intValue).toArray();
        raw = rawColumns.stream().mapToInt(Integer::intValue).toArray();
        resultColumn = names.indexOf("aicost_result");
        rowsColumn = names.indexOf("aicost_rows");
        if (rowsColumn < 0) {
            throw new InputException(new Problem(file, (int) resultHeader.line(), 1, null,
                    "the result lacks the column aicost_rows"));
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public CsvInput.Row next() {
        CsvInput.Row row = csv.next();
        if (row == null) {
            return null;
        }
        String kind = row.get(resultColumn);
        if (!kind.equals(BillingSqlEmitter.RESULT)) {
            throw new InputException(new Problem(file, (int) row.line(), row.column(resultColumn), "aicost_result",
                    kind.startsWith("aicost-usage-billing/") ? "was made by version " + kind.substring(kind.indexOf('/')
                            + 1) + " of the query; this aicost reads " + BillingSqlEmitter.RESULT + ": print the query "
                            + "again with 'aicost usage --sql' and rerun it"
                            : "'" + kind + "' is not the billing result this file began with (" + BillingSqlEmitter.RESULT
                                    + ")"));
        }
        String rows = row.get(rowsColumn);
        try {
            weight = Long.parseLong(rows);
            if (weight < 1) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new InputException(new Problem(file, (int) row.line(), row.column(rowsColumn), "aicost_rows",
                    "expected a count of rows of 1 or more, got '" + rows + "'"));
        }
        String[] fields = new String[header.size()];
        int[] columns = new int[header.size()];
        for (int i = 0; i < fields.length; i++) {
            String rawText = raw[i] < 0 ? "" : row.get(raw[i]);
            fields[i] = rawText.isEmpty() ? row.get(from[i]) : rawText;
            columns[i] = row.column(from[i]);
        }
        return new CsvInput.Row(row.line(), fields, columns);
    }

    @Override
    public long weight() {
        return weight;
    }

    @Override
    public void close() throws java.io.IOException {
        csv.close();
    }
}
