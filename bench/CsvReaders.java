import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Times three well-kept CSV readers on one export: each reads every record and touches every
 * field (summing field lengths so nothing is optimised away). Run by bench/csv-readers; prints
 * one line per reader and pass: name, seconds, records, checksum.
 */
public final class CsvReaders {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        for (int pass = 1; pass <= passes; pass++) {
            for (String name : new String[] {"fastcsv", "commons-csv", "jackson-csv"}) {
                long start = System.nanoTime();
                long[] result = switch (name) {
                    case "fastcsv" -> fastcsv(file);
                    case "commons-csv" -> commons(file);
                    default -> jackson(file);
                };
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("%s pass %d: %.3f s, %d records, checksum %d%n", name, pass, seconds, result[0],
                        result[1]);
            }
        }
    }

    private static Reader open(Path file) throws IOException {
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    static long[] fastcsv(Path file) throws IOException {
        long records = 0;
        long sum = 0;
        try (Reader in = open(file);
             de.siegmar.fastcsv.reader.CsvReader<de.siegmar.fastcsv.reader.CsvRecord> csv =
                     de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(in)) {
            for (de.siegmar.fastcsv.reader.CsvRecord record : csv) {
                records++;
                for (int i = 0; i < record.getFieldCount(); i++) {
                    sum += record.getField(i).length();
                }
            }
        }
        return new long[] {records, sum};
    }

    static long[] commons(Path file) throws IOException {
        long records = 0;
        long sum = 0;
        try (Reader in = open(file);
             org.apache.commons.csv.CSVParser csv = org.apache.commons.csv.CSVFormat.RFC4180.builder().get().parse(in)) {
            for (org.apache.commons.csv.CSVRecord record : csv) {
                records++;
                for (int i = 0; i < record.size(); i++) {
                    sum += record.get(i).length();
                }
            }
        }
        return new long[] {records, sum};
    }

    static long[] jackson(Path file) throws IOException {
        long records = 0;
        long sum = 0;
        com.fasterxml.jackson.dataformat.csv.CsvMapper mapper = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
        mapper.enable(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY);
        try (Reader in = open(file);
             com.fasterxml.jackson.databind.MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(in)) {
            while (it.hasNext()) {
                String[] record = it.next();
                records++;
                for (String field : record) {
                    sum += field.length();
                }
            }
        }
        return new long[] {records, sum};
    }
}
