package dev.aicost.render;

import dev.aicost.breakeven.Breakeven;
import dev.aicost.breakeven.TermBreakeven;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** The break-even cost curves as a terminal chart and as an SVG file. */
public final class BreakevenCharts {
    private static final char[] TERM_SYMBOLS = {'P', 'Q', 'R', 'S', 'T', 'U'};
    private static final String[] TERM_COLOURS = {"#c2410c", "#7c3aed", "#b91c1c", "#0f766e", "#a16207", "#be185d"};
    private static final String ON_DEMAND_COLOUR = "#2563eb";
    private static final String BATCH_COLOUR = "#16a34a";

    private BreakevenCharts() {
    }

    static String terminal(Breakeven b, int width, boolean color) {
        BigDecimal xMax = b.curve().get(b.curve().size() - 1).tokens();
        BigDecimal capacity = b.terms().get(0).unitMonthlyCapacity();
        List<TerminalChart.Series> series = new ArrayList<>();
        series.add(new TerminalChart.Series('o', "on-demand", t -> t.multiply(b.onDemandPerToken())));
        if (b.batchPerToken() != null) {
            series.add(new TerminalChart.Series('b', "batch", t -> t.multiply(b.batchPerToken())));
        }
        for (int i = 0; i < b.terms().size(); i++) {
            TermBreakeven term = b.terms().get(i);
            series.add(new TerminalChart.Series(TERM_SYMBOLS[i % TERM_SYMBOLS.length], "provisioned " + term.term(),
                    t -> term.unitMonthlyCost().multiply(t.divide(capacity, 0, RoundingMode.CEILING))));
        }
        List<TerminalChart.Marker> markers = new ArrayList<>();
        for (TermBreakeven term : b.terms()) {
            if (term.tokensPerMonth().compareTo(xMax) <= 0) {
                markers.add(new TerminalChart.Marker(term.tokensPerMonth(), term.term() + " break-even at "
                        + Numbers.human(term.tokensPerMonth()) + " tokens/month (" + Numbers.percent(term.utilization())
                        + " of a unit)"));
            }
        }
        return TerminalChart.render("Monthly cost vs tokens per month", "tokens per month (input + output)", xMax,
                series, markers, b.currency(), width, 18, color);
    }

    /** The SVG document for {@code --plot}. */
    public static String svg(Breakeven b) {
        BigDecimal xMax = b.curve().get(b.curve().size() - 1).tokens();
        BigDecimal capacity = b.terms().get(0).unitMonthlyCapacity();
        BigDecimal yMax = xMax.multiply(b.onDemandPerToken());
        List<SvgChart.Series> series = new ArrayList<>();
        series.add(new SvgChart.Series("on-demand", ON_DEMAND_COLOUR, false, List.of(point(BigDecimal.ZERO,
                BigDecimal.ZERO), point(xMax, xMax.multiply(b.onDemandPerToken())))));
        if (b.batchPerToken() != null) {
            series.add(new SvgChart.Series("batch", BATCH_COLOUR, true, List.of(point(BigDecimal.ZERO, BigDecimal.ZERO),
                    point(xMax, xMax.multiply(b.batchPerToken())))));
        }
        long units = xMax.divide(capacity, 0, RoundingMode.CEILING).longValueExact();
        for (int i = 0; i < b.terms().size(); i++) {
            TermBreakeven term = b.terms().get(i);
            List<BigDecimal[]> steps = new ArrayList<>();
            steps.add(point(BigDecimal.ZERO, BigDecimal.ZERO));
            for (long n = 1; n <= units; n++) {
                BigDecimal from = capacity.multiply(BigDecimal.valueOf(n - 1));
                BigDecimal to = capacity.multiply(BigDecimal.valueOf(n)).min(xMax);
                BigDecimal cost = term.unitMonthlyCost().multiply(BigDecimal.valueOf(n));
                steps.add(point(from, cost));
                steps.add(point(to, cost));
                yMax = yMax.max(cost);
            }
            series.add(new SvgChart.Series("provisioned " + term.term(), TERM_COLOURS[i % TERM_COLOURS.length], false,
                    steps));
        }
        List<SvgChart.Marker> markers = new ArrayList<>();
        for (int i = 0; i < b.terms().size(); i++) {
            TermBreakeven term = b.terms().get(i);
            if (term.tokensPerMonth().compareTo(xMax) <= 0) {
                markers.add(new SvgChart.Marker(term.tokensPerMonth(), term.tokensPerMonth()
                        .multiply(b.onDemandPerToken()), "break-even " + term.term() + ": "
                        + Numbers.human(term.tokensPerMonth()) + " tokens (" + Numbers.percent(term.utilization()) + ")",
                        TERM_COLOURS[i % TERM_COLOURS.length]));
            }
        }
        String subtitle = BreakevenRenderer.shape(b.shape()) + " · " + b.ratecard() + " · one unit "
                + Numbers.count(b.modelUnitTpm()) + " tokens/min" + (b.tpmAssumed() ? " (assumed)" : "");
        return SvgChart.render("On-demand vs provisioned: " + b.model(), subtitle, "tokens per month (input + output)",
                "monthly cost", b.currency(), xMax, yMax, series, markers);
    }

    private static BigDecimal[] point(BigDecimal x, BigDecimal y) {
        return new BigDecimal[] {x, y};
    }
}
