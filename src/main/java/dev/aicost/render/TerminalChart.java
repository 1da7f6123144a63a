package dev.aicost.render;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.function.Function;

/**
 * A line chart drawn with characters: each series is a function of x sampled once per column,
 * vertical jumps are filled so steps read as steps, and vertical markers label points on the x
 * axis. Plain ASCII; colour per series only when asked.
 */
public final class TerminalChart {
    /** A series: its plotting character, legend label and value at x. */
    public record Series(char symbol, String label, Function<BigDecimal, BigDecimal> value) {
    }

    /** A labelled vertical line at x. */
    public record Marker(BigDecimal x, String label) {
    }

    private static final String[] COLOURS = {"36", "32", "35", "33", "34", "31"};
    private static final MathContext MC = MathContext.DECIMAL64;

    private TerminalChart() {
    }

    /**
     * @param width total width in characters (at least 40)
     * @param height plot rows (at least 8)
     */
    public static String render(String title, String xLabel, BigDecimal xMax, List<Series> series,
            List<Marker> markers, String currency, int width, int height, boolean color) {
        int plotWidth = Math.max(40, width) - 12;
        int rows = Math.max(8, height);
        BigDecimal yMax = BigDecimal.ZERO;
        BigDecimal[][] values = new BigDecimal[series.size()][plotWidth];
        for (int s = 0; s < series.size(); s++) {
            for (int c = 0; c < plotWidth; c++) {
                BigDecimal x = xAt(c, plotWidth, xMax);
                BigDecimal y = series.get(s).value().apply(x);
                values[s][c] = y;
                if (y != null) {
                    yMax = yMax.max(y);
                }
            }
        }
        if (yMax.signum() == 0) {
            yMax = BigDecimal.ONE;
        }
        char[][] grid = new char[rows][plotWidth];
        int[][] owner = new int[rows][plotWidth];
        for (char[] row : grid) {
            java.util.Arrays.fill(row, ' ');
        }
        for (Marker marker : markers) {
            int c = column(marker.x(), xMax, plotWidth);
            if (c >= 0 && c < plotWidth) {
                for (int r = 0; r < rows; r++) {
                    grid[r][c] = ':';
                    owner[r][c] = -1;
                }
            }
        }
        for (int s = 0; s < series.size(); s++) {
            Integer previous = null;
            for (int c = 0; c < plotWidth; c++) {
                if (values[s][c] == null) {
                    previous = null;
                    continue;
                }
                int r = row(values[s][c], yMax, rows);
                int from = previous == null ? r : Math.min(previous, r);
                int to = previous == null ? r : Math.max(previous, r);
                for (int k = from; k <= to; k++) {
                    if (k == r || grid[k][c] == ' ' || grid[k][c] == ':') {
                        grid[k][c] = series.get(s).symbol();
                        owner[k][c] = s;
                    }
                }
                previous = r;
            }
        }
        StringBuilder out = new StringBuilder(title).append('\n');
        for (int r = 0; r < rows; r++) {
            String label = r == 0 ? Numbers.symbol(currency) + axis(yMax)
                    : r == rows / 2 ? Numbers.symbol(currency) + axis(yMax.divide(BigDecimal.valueOf(2), MC))
                    : r == rows - 1 ? Numbers.symbol(currency) + "0" : "";
            out.append(" ".repeat(Math.max(0, 10 - label.length()))).append(label).append(" |");
            for (int c = 0; c < plotWidth; c++) {
                char ch = grid[r][c];
                if (color && ch != ' ' && owner[r][c] >= 0) {
                    out.append("\u001b[").append(COLOURS[owner[r][c] % COLOURS.length]).append('m').append(ch)
                            .append("\u001b[0m");
                } else {
                    out.append(ch);
                }
            }
            out.append('\n');
        }
        out.append(" ".repeat(11)).append('+').append("-".repeat(plotWidth)).append('\n');
        String right = Numbers.human(xMax);
        String middle = Numbers.human(xMax.divide(BigDecimal.valueOf(2), MC));
        StringBuilder axis = new StringBuilder(" ".repeat(12 + plotWidth));
        place(axis, 12, "0");
        place(axis, 12 + plotWidth / 2 - middle.length() / 2, middle);
        place(axis, 12 + plotWidth - right.length(), right);
        out.append(axis.toString().stripTrailing()).append('\n');
        out.append(" ".repeat(12)).append(xLabel).append('\n');
        StringBuilder legend = new StringBuilder();
        for (Series s : series) {
            String item = s.symbol() + " " + s.label();
            if (legend.length() > 0 && 12 + legend.length() + 3 + item.length() > width) {
                out.append(" ".repeat(12)).append(legend).append('\n');
                legend.setLength(0);
            }
            legend.append(legend.length() > 0 ? "   " : "").append(item);
        }
        out.append(" ".repeat(12)).append(legend).append('\n');
        for (Marker marker : markers) {
            for (String line : TextTable.wrap(": " + marker.label(), Math.max(20, width - 12))) {
                out.append(" ".repeat(12)).append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static void place(StringBuilder line, int at, String text) {
        int start = Math.max(0, Math.min(at, line.length() - text.length()));
        line.replace(start, start + text.length(), text);
    }

    private static BigDecimal xAt(int column, int plotWidth, BigDecimal xMax) {
        return xMax.multiply(BigDecimal.valueOf(column)).divide(BigDecimal.valueOf(plotWidth - 1), MC);
    }

    private static int column(BigDecimal x, BigDecimal xMax, int plotWidth) {
        return x.multiply(BigDecimal.valueOf(plotWidth - 1)).divide(xMax, MC).setScale(0, java.math.RoundingMode.HALF_UP)
                .intValue();
    }

    /** An axis value: {@code 12.5K} from 1,000 on, whole below that, with cents below 100 ($1.27, not $1). */
    private static String axis(BigDecimal value) {
        if (value.compareTo(BigDecimal.valueOf(100)) >= 0) {
            return Numbers.human(value);
        }
        return value.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    private static int row(BigDecimal y, BigDecimal yMax, int rows) {
        int fromBottom = y.multiply(BigDecimal.valueOf(rows - 1)).divide(yMax, MC)
                .setScale(0, java.math.RoundingMode.HALF_UP).intValue();
        return rows - 1 - Math.max(0, Math.min(rows - 1, fromBottom));
    }
}
