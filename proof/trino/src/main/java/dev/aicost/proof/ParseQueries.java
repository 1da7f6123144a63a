package dev.aicost.proof;

import io.trino.sql.parser.SqlParser;
import io.trino.sql.tree.Query;
import io.trino.sql.tree.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses, with Trino's own parser, the statements of each query file 'aicost usage --sql trino|athena'
 * printed: the table statement its comment gives (Trino's CREATE TABLE; Athena's is Hive DDL, run by
 * Athena's Hive engine, and is not Trino syntax) and the query, which must be one SELECT.
 * Usage: ParseQueries FILE.sql ...   (exit 1 at the first statement Trino cannot parse)
 */
public final class ParseQueries {
    private ParseQueries() {
    }

    public static void main(String[] args) throws Exception {
        SqlParser parser = new SqlParser();
        int parsed = 0;
        for (String arg : args) {
            String sql = Files.readString(Path.of(arg));
            boolean athena = sql.startsWith("-- aicost usage --sql athena");
            List<String> ddl = new ArrayList<>();
            StringBuilder query = new StringBuilder();
            boolean inDdl = false;
            for (String line : sql.split("\n")) {
                if (line.startsWith("-- The ") && line.contains("as a table")) {
                    inDdl = true;
                } else if (inDdl && line.startsWith("--   ")) {
                    ddl.add(line.substring(5));
                } else if (!line.startsWith("--")) {
                    inDdl = false;
                    query.append(line).append('\n');
                }
            }
            List<String> statements = new ArrayList<>();
            if (!athena && !ddl.isEmpty()) {
                statements.add(String.join("\n", ddl));
            }
            statements.add(query.toString());
            for (String statement : statements) {
                String text = statement.strip().replaceFirst(";$", "");
                Statement tree;
                try {
                    tree = parser.createStatement(text);
                } catch (RuntimeException e) {
                    System.err.println(arg + ": Trino cannot parse:\n" + text + "\n" + e.getMessage());
                    System.exit(1);
                    return;
                }
                if (statement == statements.get(statements.size() - 1) && !(tree instanceof Query)) {
                    System.err.println(arg + ": the last statement is not a query but a " + tree.getClass().getSimpleName());
                    System.exit(1);
                }
                parsed++;
            }
        }
        System.out.println("trino-parser: " + parsed + " statements parsed from " + args.length + " files");
    }
}
