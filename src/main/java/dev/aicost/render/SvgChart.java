package dev.aicost.render;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * A standalone SVG line chart: axes with ticks and labels, a legend, one path per series (step
 * series drawn as exact steps from their break points) and labelled markers.
 */
public final class SvgChart {
    /** A series as a list of (x, y) vertices, joined by straight lines; a null y breaks the line. */
    public record Series(String label, String colour, boolean dashed, List<BigDecimal[]> points) {
    }

    /** A marked point with a label. */
    public record Marker(BigDecimal x, BigDecimal y, String label, String colour) {
    }

    private static final int WIDTH = 900;
    private static final int HEIGHT = 540;
    private static final int LEFT = 90;
    private static final int RIGHT = 30;
    private static final int TOP = 60;
    private static final int BOTTOM = 110;
    private static final MathContext MC = MathContext.DECIMAL64;

    private SvgChart() {
    }

    public static String render(String title, String subtitle, String xLabel, String yLabel, String currency,
            BigDecimal xMax, BigDecimal yMax, List<Series> series, List<Marker> markers) {
        BigDecimal xTop = niceCeiling(xMax);
        BigDecimal yTop = niceCeiling(yMax.signum() == 0 ? BigDecimal.ONE : yMax);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n");
        svg.append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        text(svg, LEFT, 28, title, "font-size=\"18\" font-weight=\"bold\" fill=\"#1f2933\"");
        text(svg, LEFT, 47, subtitle, "font-size=\"12\" fill=\"#52606d\"");
        svg.append("  <g id=\"grid\" stroke=\"#e4e7eb\" stroke-width=\"1\">\n");
        for (int i = 0; i <= 5; i++) {
            int y = TOP + plotH - plotH * i / 5;
            int x = LEFT + plotW * i / 5;
            svg.append("    <line x1=\"").append(LEFT).append("\" y1=\"").append(y).append("\" x2=\"")
                    .append(LEFT + plotW).append("\" y2=\"").append(y).append("\"/>\n");
            svg.append("    <line x1=\"").append(x).append("\" y1=\"").append(TOP).append("\" x2=\"").append(x)
                    .append("\" y2=\"").append(TOP + plotH).append("\"/>\n");
        }
        svg.append("  </g>\n");
        svg.append("  <g id=\"axes\" stroke=\"#3e4c59\" stroke-width=\"1.5\">\n");
        svg.append("    <line x1=\"").append(LEFT).append("\" y1=\"").append(TOP + plotH).append("\" x2=\"")
                .append(LEFT + plotW).append("\" y2=\"").append(TOP + plotH).append("\"/>\n");
        svg.append("    <line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(TOP + plotH).append("\"/>\n");
        svg.append("  </g>\n");
        svg.append("  <g id=\"ticks\" fill=\"#52606d\">\n");
        for (int i = 0; i <= 5; i++) {
            BigDecimal xValue = xTop.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(5), MC);
            BigDecimal yValue = yTop.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(5), MC);
            text(svg, LEFT + plotW * i / 5, TOP + plotH + 18, Numbers.human(xValue), "text-anchor=\"middle\"");
            text(svg, LEFT - 8, TOP + plotH - plotH * i / 5 + 4, Numbers.symbol(currency) + Numbers.human(yValue),
                    "text-anchor=\"end\"");
        }
        svg.append("  </g>\n");
        text(svg, LEFT + plotW / 2, TOP + plotH + 40, xLabel, "text-anchor=\"middle\" fill=\"#1f2933\"");
        svg.append("  <text transform=\"translate(22,").append(TOP + plotH / 2).append(") rotate(-90)\" "
                + "text-anchor=\"middle\" fill=\"#1f2933\">").append(escape(yLabel)).append("</text>\n");

        svg.append("  <g id=\"series\" fill=\"none\" stroke-width=\"2.5\">\n");
        for (Series s : series) {
            svg.append("    <path class=\"series\" data-label=\"").append(escape(s.label())).append("\" stroke=\"")
                    .append(s.colour()).append('"').append(s.dashed() ? " stroke-dasharray=\"7 5\"" : "")
                    .append(" d=\"");
            boolean move = true;
            for (BigDecimal[] point : s.points()) {
                if (point[1] == null) {
                    move = true;
                    continue;
                }
                svg.append(move ? 'M' : 'L').append(x(point[0], xTop, plotW)).append(',')
                        .append(y(point[1], yTop, plotH)).append(' ');
                move = false;
            }
            svg.setLength(svg.length() - 1);
            svg.append("\"/>\n");
        }
        svg.append("  </g>\n");

        svg.append("  <g id=\"markers\">\n");
        for (int i = 0; i < markers.size(); i++) {
            Marker marker = markers.get(i);
            String cx = x(marker.x(), xTop, plotW);
            String cy = y(marker.y(), yTop, plotH);
            svg.append("    <line class=\"marker\" x1=\"").append(cx).append("\" y1=\"").append(TOP).append("\" x2=\"")
                    .append(cx).append("\" y2=\"").append(TOP + plotH).append("\" stroke=\"").append(marker.colour())
                    .append("\" stroke-dasharray=\"3 3\" stroke-width=\"1\"/>\n");
            svg.append("    <circle class=\"marker\" cx=\"").append(cx).append("\" cy=\"").append(cy)
                    .append("\" r=\"6\" fill=\"#ffffff\" stroke=\"").append(marker.colour())
                    .append("\" stroke-width=\"2.5\"/>\n");
            svg.append("    <text x=\"").append(cx).append("\" y=\"").append(TOP + 14 + 15 * i)
                    .append("\" dx=\"6\" fill=\"").append(marker.colour()).append("\" font-weight=\"bold\">")
                    .append(escape(marker.label())).append("</text>\n");
        }
        svg.append("  </g>\n");

        svg.append("  <g id=\"legend\">\n");
        int legendX = LEFT;
        int legendY = HEIGHT - 36;
        for (Series s : series) {
            svg.append("    <line x1=\"").append(legendX).append("\" y1=\"").append(legendY).append("\" x2=\"")
                    .append(legendX + 28).append("\" y2=\"").append(legendY).append("\" stroke=\"").append(s.colour())
                    .append("\" stroke-width=\"3\"").append(s.dashed() ? " stroke-dasharray=\"7 5\"" : "")
                    .append("/>\n");
            text(svg, legendX + 34, legendY + 4, s.label(), "fill=\"#1f2933\"");
            legendX += 48 + 7 * s.label().length();
        }
        svg.append("  </g>\n</svg>\n");
        return svg.toString();
    }

    /** The first of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten at or above {@code value}. */
    static BigDecimal niceCeiling(BigDecimal value) {
        BigDecimal magnitude = BigDecimal.ONE.movePointRight(value.precision() - value.scale() - 1);
        for (String step : new String[] {"1", "1.2", "1.5", "2", "2.5", "3", "4", "5", "6", "8", "10"}) {
            BigDecimal candidate = magnitude.multiply(new BigDecimal(step));
            if (candidate.compareTo(value) >= 0) {
                return candidate;
            }
        }
        return magnitude.multiply(BigDecimal.TEN);
    }

    private static String x(BigDecimal value, BigDecimal max, int plotW) {
        return coordinate(BigDecimal.valueOf(LEFT).add(value.multiply(BigDecimal.valueOf(plotW)).divide(max, MC)));
    }

    private static String y(BigDecimal value, BigDecimal max, int plotH) {
        return coordinate(BigDecimal.valueOf(TOP + plotH).subtract(value.multiply(BigDecimal.valueOf(plotH))
                .divide(max, MC)));
    }

    private static String coordinate(BigDecimal value) {
        return value.setScale(1, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static void text(StringBuilder svg, int x, int y, String text, String attributes) {
        svg.append("  <text x=\"").append(x).append("\" y=\"").append(y).append("\" ").append(attributes).append('>')
                .append(escape(text)).append("</text>\n");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
