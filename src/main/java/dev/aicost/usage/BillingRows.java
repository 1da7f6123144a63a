package dev.aicost.usage;

import dev.aicost.input.CsvInput;
import java.io.Closeable;
import java.util.List;

/**
 * The rows of one billing export as text, whatever it was stored as (CSV, gzip CSV, Parquet): a
 * header of column names and then one row at a time, each with the line (CSV) or row number
 * (Parquet) it came from. Missing values are "".
 */
public interface BillingRows extends Closeable {
    /** The column names, in row order. */
    List<String> header();

    /** The next row, or null at the end. */
    CsvInput.Row next();

    /** How many rows of the export the last row stands for (a source may sum rows that differ only in amounts). */
    default long weight() {
        return 1;
    }
}
