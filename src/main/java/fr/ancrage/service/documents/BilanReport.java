package fr.ancrage.service.documents;

import fr.ancrage.documents.Doc;
import fr.ancrage.documents.Workbook;
import fr.ancrage.documents.Workbook.Kind;
import fr.ancrage.domain.AxisYearTotal;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionFigure;
import fr.ancrage.domain.DashboardFigures;
import fr.ancrage.domain.IndicatorRanking;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.domain.TerritoryTotal;
import fr.ancrage.i18n.I18n;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The « bilan annuel » of a territory (EPCI or department) for a year: totals by engagement
 * category, PaQte axis and QPV, targets against realised values, charts, key indicators and the list
 * of companies; as a document and as a workbook with one sheet per view.
 */
final class BilanReport {

    static final int TARGET_COLOR = 0x9DB4CE;
    static final int REALISED_COLOR = 0x1F5F99;

    /**
     * What the bilan shows. {@code conventions}: the conventions counted in the territory that year,
     * each with its targets and realised values in counts (people, actions); {@code reports}: the
     * year's campaign reports of these conventions by state, null when no campaign was opened;
     * {@code reported}: which lines have realised values that year; {@code statusDate}: the day the
     * statuses are those of (31 December of the year, or today for the current year), {@code statuses}
     * each convention's then, {@code today} the day of the document; {@code sirets} by company;
     * {@code parts}: the figures of the sub-indicators (« dont … ») by their parent's id.
     */
    record Data(String territory, int year, DashboardFigures figures, List<TerritoryTotal> qpvs,
                List<ConventionFigure> conventions, Map<fr.ancrage.domain.ReportState, Integer> reports,
                Reported reported, LocalDate statusDate, LocalDate today, Map<UUID, Convention.StatusOn> statuses,
                Map<UUID, String> sirets, Map<UUID, List<IndicatorRanking>> parts) {

        Data {
            statuses = Map.copyOf(statuses);
            sirets = Map.copyOf(sirets);
            parts = Map.copyOf(parts);
        }

        /** The status of a convention on {@link #statusDate} (today's when the dates cannot tell). */
        Convention.StatusOn status(ConventionFigure c) {
            return statuses.getOrDefault(c.conventionId(), new Convention.StatusOn(c.status(), false));
        }
    }

    /** A line of a total: what it is about (a category id, a PaQte axis or null, a QPV id) and its unit. */
    record Key(Object what, IndicatorUnit unit) {
    }

    /**
     * Which lines of the year have at least one realised value (zero included): the others show
     * « — », never 0 or 0 % (decision 0015). {@code indicators} holds parts too; {@code counts}: the
     * conventions with a realised value in counts (the companies table).
     */
    record Reported(Set<Key> categories, Set<Key> axes, Set<Key> qpvs, Set<UUID> indicators, Set<UUID> counts) {
        Reported {
            categories = Set.copyOf(categories);
            axes = Set.copyOf(axes);
            qpvs = Set.copyOf(qpvs);
            indicators = Set.copyOf(indicators);
            counts = Set.copyOf(counts);
        }

        boolean none() {
            return indicators.isEmpty();
        }
    }

    private final I18n i18n;
    private final DocFormats f;

    BilanReport(I18n i18n) {
        this.i18n = i18n;
        this.f = new DocFormats(i18n);
    }

    String title(Data d) {
        return i18n.format("doc.bilan.title", Integer.toString(d.year()), d.territory());
    }

    Doc document(Data d, OffsetDateTime created) {
        List<Doc.Block> blocks = new ArrayList<>();
        blocks.add(new Doc.Heading(1, i18n.get("doc.bilan.summary")));
        blocks.add(new Doc.Facts(summary(d).stream().map(r -> new Doc.Fact(r[0], r[1])).toList()));
        if (d.figures().withoutFigures()) {
            blocks.add(new Doc.Paragraph(i18n.get("doc.bilan.noFigures"), Doc.Emphasis.NOTE));
        } else if (d.reported().none()) {
            blocks.add(new Doc.Paragraph(noReport(d), Doc.Emphasis.NOTE));
        }

        List<Line> categoryLines = categoryLines(d);
        if (!categoryLines.isEmpty()) {
            blocks.add(new Doc.Heading(1, i18n.get("doc.bilan.byCategory")));
            for (IndicatorUnit unit : units(categoryLines.stream().map(Line::unit).toList())) {
                List<Line> ofUnit = categoryLines.stream().filter(t -> t.unit() == unit).toList();
                if (unit == IndicatorUnit.COUNT && !d.reported().none()) {
                    blocks.add(chart(i18n.get("doc.bilan.chartCategories"), ofUnit));
                }
                blocks.add(new Doc.Heading(2, f.unit(unit)));
                blocks.add(sumTable(i18n.get("doc.bilan.category"), unit, ofUnit, true));
            }
            if (!d.reported().none() && categoryLines.stream().anyMatch(l -> l.realised() == null)) {
                blocks.add(new Doc.Paragraph(i18n.get("doc.bilan.dashNote"), Doc.Emphasis.NOTE));
            }
        }

        List<Line> axisLines = axisLines(d);
        if (!axisLines.isEmpty()) {
            blocks.add(new Doc.Heading(1, i18n.get("doc.bilan.byAxis")));
            for (IndicatorUnit unit : units(axisLines.stream().map(Line::unit).toList())) {
                List<Line> ofUnit = axisLines.stream().filter(t -> t.unit() == unit).toList();
                if (unit == IndicatorUnit.COUNT && !d.reported().none()) {
                    blocks.add(chart(i18n.get("doc.bilan.chartAxes"), ofUnit));
                }
                blocks.add(new Doc.Heading(2, f.unit(unit)));
                blocks.add(sumTable(i18n.get("doc.bilan.axis"), unit, ofUnit, true));
            }
        }

        if (!d.qpvs().isEmpty()) {
            blocks.add(new Doc.Heading(1, i18n.get("doc.bilan.byQpv")));
            // a convention aimed at several quartiers counts in full in each: no total (decision 0015)
            blocks.add(new Doc.Paragraph(i18n.get("doc.bilan.qpvNote"), Doc.Emphasis.NOTE));
            List<Line> qpvLines = qpvLines(d);
            for (IndicatorUnit unit : units(qpvLines.stream().map(Line::unit).toList())) {
                blocks.add(new Doc.Heading(2, f.unit(unit)));
                blocks.add(sumTable(i18n.get("doc.bilan.qpv"), unit,
                        qpvLines.stream().filter(t -> t.unit() == unit).toList(), false));
            }
        }

        List<Line> indicatorLines = indicatorLines(d);
        if (!indicatorLines.isEmpty()) {
            blocks.add(new Doc.Heading(1, i18n.get("doc.bilan.keyIndicators")));
            List<List<String>> rows = new ArrayList<>();
            for (Line r : indicatorLines) {
                rows.add(List.of(f.indicatorName(r.name(), r.part()), f.unit(r.unit()),
                        f.sum(r.target(), r.unit()), f.sum(r.realised(), r.unit()), f.rate(r.target(), r.realised())));
            }
            blocks.add(new Doc.Table(List.of(Doc.Column.text(i18n.get("doc.fiche.indicator"), 3.4),
                    Doc.Column.text(i18n.get("doc.fiche.unit"), 1.1), Doc.Column.number(i18n.get("doc.fiche.target"), 1.2),
                    Doc.Column.number(i18n.get("doc.fiche.realised"), 1.2), Doc.Column.number(i18n.get("doc.fiche.rate"), 0.8)),
                    rows, false));
        }

        blocks.add(new Doc.Heading(1, i18n.get("doc.bilan.companies")));
        if (d.conventions().isEmpty()) {
            blocks.add(new Doc.Paragraph(i18n.get("doc.bilan.noConvention"), Doc.Emphasis.NOTE));
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (ConventionFigure c : d.conventions()) {
                rows.add(List.of(c.companyName(), c.reference(), statusLabel(d, c), f.date(c.endDate()),
                        f.number(c.target()), c.realised() == null ? DocFormats.NONE : f.number(c.realised())));
            }
            blocks.add(new Doc.Table(List.of(Doc.Column.text(i18n.get("doc.bilan.company"), 3.2),
                    Doc.Column.text(i18n.get("doc.fiche.reference"), 1.5), Doc.Column.text(statusHeader(d), 1.4),
                    Doc.Column.number(i18n.get("doc.bilan.end"), 1.2), Doc.Column.number(i18n.get("doc.bilan.targetCount"), 1.1),
                    Doc.Column.number(i18n.get("doc.bilan.realisedCount"), 1.1)), rows, false));
            blocks.add(new Doc.Paragraph(i18n.get("doc.bilan.countNote"), Doc.Emphasis.NOTE));
        }
        String footer = i18n.format("doc.bilan.footer", Integer.toString(d.year()), d.territory(),
                f.date(created.toLocalDate()));
        return new Doc(title(d), i18n.get("doc.bilan.subtitle"), footer, created, blocks);
    }

    Workbook workbook(Data d, OffsetDateTime created) {
        List<Workbook.Sheet> sheets = new ArrayList<>();
        List<List<Object>> summary = new ArrayList<>();
        summary(d).forEach(r -> summary.add(List.of(r[0], r[1])));
        sheets.add(new Workbook.Sheet(i18n.get("doc.bilan.sheetSummary"),
                List.of(new Workbook.Column(i18n.get("doc.bilan.item"), Kind.TEXT, 34),
                        new Workbook.Column(i18n.get("doc.bilan.value"), Kind.TEXT, 40)), summary));

        List<Workbook.Column> sumColumns = List.of(new Workbook.Column(i18n.get("doc.fiche.unit"), Kind.TEXT, 12),
                Workbook.Column.of(i18n.get("doc.fiche.target"), Kind.DECIMAL),
                Workbook.Column.of(i18n.get("doc.fiche.realised"), Kind.DECIMAL),
                Workbook.Column.of(i18n.get("doc.fiche.rate"), Kind.PERCENT));
        List<List<Object>> categories = new ArrayList<>();
        categoryLines(d).forEach(t -> categories.add(sumRow(t.name(), t.unit(), t.target(), t.realised())));
        sheets.add(new Workbook.Sheet(i18n.get("doc.bilan.sheetCategories"),
                prepend(Workbook.Column.of(i18n.get("doc.bilan.category"), Kind.TEXT), sumColumns), categories));

        List<List<Object>> axes = new ArrayList<>();
        axisLines(d).forEach(t -> axes.add(sumRow(t.name(), t.unit(), t.target(), t.realised())));
        sheets.add(new Workbook.Sheet(i18n.get("doc.bilan.sheetAxes"),
                prepend(Workbook.Column.of(i18n.get("doc.bilan.axis"), Kind.TEXT), sumColumns), axes));

        List<List<Object>> qpvs = new ArrayList<>();
        qpvLines(d).forEach(t -> {
            List<Object> row = new ArrayList<>();
            row.add(t.code());
            row.addAll(sumRow(t.name(), t.unit(), t.target(), t.realised()));
            qpvs.add(row);
        });
        if (!qpvs.isEmpty()) {
            // said where the figures are: they do not add up (decision 0015)
            qpvs.add(Arrays.asList(i18n.get("doc.bilan.qpvNote"), null, null, null, null, null));
        }
        List<Workbook.Column> qpvColumns = new ArrayList<>();
        qpvColumns.add(Workbook.Column.of(i18n.get("doc.bilan.qpvCode"), Kind.CODE));
        qpvColumns.add(Workbook.Column.of(i18n.get("doc.bilan.qpvName"), Kind.TEXT));
        qpvColumns.addAll(sumColumns);
        sheets.add(new Workbook.Sheet(i18n.get("doc.bilan.sheetQpvs"), qpvColumns, qpvs));

        List<List<Object>> indicators = new ArrayList<>();
        indicatorLines(d).forEach(r -> indicators.add(sumRow(r.part() ? f.partName(r.name()) : r.name(), r.unit(),
                r.target(), r.realised())));
        sheets.add(new Workbook.Sheet(i18n.get("doc.bilan.sheetIndicators"),
                prepend(Workbook.Column.of(i18n.get("doc.fiche.indicator"), Kind.TEXT), sumColumns), indicators));

        List<List<Object>> companies = new ArrayList<>();
        d.conventions().forEach(c -> companies.add(Arrays.asList(c.companyName(),
                c.companyId() == null ? null : d.sirets().get(c.companyId()), c.reference(), statusLabel(d, c),
                c.endDate(), c.target(), c.realised())));
        sheets.add(new Workbook.Sheet(i18n.get("doc.bilan.sheetCompanies"), List.of(
                Workbook.Column.of(i18n.get("doc.bilan.company"), Kind.TEXT),
                // the 14 digits registers match on (issue 16)
                Workbook.Column.of(i18n.get("doc.bilan.siret"), Kind.CODE),
                Workbook.Column.of(i18n.get("doc.fiche.reference"), Kind.CODE),
                Workbook.Column.of(statusHeader(d), Kind.TEXT),
                Workbook.Column.of(i18n.get("doc.bilan.end"), Kind.DATE),
                Workbook.Column.of(i18n.get("doc.bilan.targetCount"), Kind.DECIMAL),
                Workbook.Column.of(i18n.get("doc.bilan.realisedCount"), Kind.DECIMAL)), companies));
        return new Workbook(title(d), created, sheets);
    }

    private List<String[]> summary(Data d) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {i18n.get("doc.bilan.territory"), d.territory()});
        rows.add(new String[] {i18n.get("doc.bilan.year"), Integer.toString(d.year())});
        rows.add(new String[] {i18n.get("doc.bilan.conventions"), f.count(d.figures().counts().total())});
        rows.add(new String[] {i18n.get("doc.bilan.companyCount"), f.count(d.figures().counts().companies())});
        // the statuses of the end of the year (today's for a terminated one: no termination date is kept)
        Map<String, Integer> byStatus = new java.util.LinkedHashMap<>();
        d.conventions().stream().sorted(java.util.Comparator.comparing((ConventionFigure c) -> d.status(c).status())
                        .thenComparing(c -> d.status(c).asOfToday()))
                .forEach(c -> byStatus.merge(statusLabel(d, c), 1, Integer::sum));
        if (!byStatus.isEmpty()) {
            rows.add(new String[] {statusHeader(d), byStatus.entrySet().stream()
                    .map(e -> i18n.format("doc.bilan.statusCount", e.getKey(), f.count(e.getValue())))
                    .collect(java.util.stream.Collectors.joining("\n"))});
        }
        rows.add(new String[] {i18n.format("doc.bilan.campaign", Integer.toString(d.year())), campaign(d)});
        return rows;
    }

    /** Where the year's reports stand: without them the realised values of the year are not in yet. */
    private String campaign(Data d) {
        if (d.reports() == null) {
            return i18n.format("doc.bilan.noCampaign", Integer.toString(d.year()));
        }
        int owed = d.reports().values().stream().mapToInt(Integer::intValue).sum();
        int in = d.reports().getOrDefault(fr.ancrage.domain.ReportState.RECEIVED, 0)
                + d.reports().getOrDefault(fr.ancrage.domain.ReportState.VALIDATED, 0);
        return i18n.format("doc.bilan.campaignState", in, owed,
                d.reports().getOrDefault(fr.ancrage.domain.ReportState.VALIDATED, 0));
    }

    /**
     * A line of a table: its name (and code, for a quartier), unit, target and realised value, null
     * when nothing was reported for it that year; {@code part}: a sub-indicator under its parent.
     */
    private record Line(String code, String name, IndicatorUnit unit, BigDecimal target, BigDecimal realised,
                        boolean part) {
    }

    private static BigDecimal reportedOrNull(boolean reported, BigDecimal realised) {
        return reported ? realised : null;
    }

    private List<Line> categoryLines(Data d) {
        return d.figures().byCategory().stream().filter(t -> t.year() == d.year())
                .map(t -> new Line(null, t.categoryName(), t.unit(), t.target(), reportedOrNull(
                        d.reported().categories().contains(new Key(t.categoryId(), t.unit())), t.realised()), false))
                .toList();
    }

    private List<Line> axisLines(Data d) {
        return d.figures().byAxis().stream().filter(t -> t.year() == d.year())
                .map(t -> new Line(null, axisName(t), t.unit(), t.target(), reportedOrNull(
                        d.reported().axes().contains(new Key(t.axis(), t.unit())), t.realised()), false))
                .toList();
    }

    private List<Line> qpvLines(Data d) {
        return d.qpvs().stream().map(t -> new Line(t.code(), t.name(), t.unit(), t.target(), reportedOrNull(
                d.reported().qpvs().contains(new Key(t.qpvId(), t.unit())), t.realised()), false)).toList();
    }

    /** The key indicators, each followed by its parts (« dont … »), which are never figures of their own. */
    private List<Line> indicatorLines(Data d) {
        List<Line> lines = new ArrayList<>();
        for (IndicatorRanking r : d.figures().topIndicators()) {
            lines.add(indicatorLine(d, r, false));
            d.parts().getOrDefault(r.indicatorId(), List.of()).forEach(p -> lines.add(indicatorLine(d, p, true)));
        }
        return lines;
    }

    private static Line indicatorLine(Data d, IndicatorRanking r, boolean part) {
        return new Line(null, r.indicatorName(), r.unit(), r.target(),
                reportedOrNull(d.reported().indicators().contains(r.indicatorId()), r.realised()), part);
    }

    /** « Statut au 31/12/2024 »: the day the statuses are those of. */
    private String statusHeader(Data d) {
        return i18n.format("doc.bilan.statusOn", f.date(d.statusDate()));
    }

    /** The status on the bilan's day, or today's said with its date when the records cannot tell. */
    private String statusLabel(Data d, ConventionFigure c) {
        Convention.StatusOn on = d.status(c);
        return on.asOfToday() ? i18n.format("doc.bilan.statusToday", i18n.label(on.status()), f.date(d.today()))
                : i18n.label(on.status());
    }

    /** « Aucun bilan 2025 n’est reçu… »: said when no realised value of the year is in. */
    private String noReport(Data d) {
        return i18n.format(d.reports() == null ? "doc.bilan.noReportNoCampaign" : "doc.bilan.noReport",
                Integer.toString(d.year()));
    }

    /** A table of sums; a total line when asked and there are several lines (never for quartiers). */
    private Doc.Table sumTable(String what, IndicatorUnit unit, List<Line> lines, boolean withTotal) {
        List<List<String>> rows = new ArrayList<>();
        BigDecimal target = BigDecimal.ZERO;
        BigDecimal realised = null;
        for (Line l : lines) {
            String name = l.code() == null ? l.name() : l.code() + " – " + l.name();
            rows.add(List.of(name, f.sum(l.target(), unit), f.sum(l.realised(), unit), f.rate(l.target(), l.realised())));
            target = target.add(l.target());
            if (l.realised() != null) {
                realised = realised == null ? l.realised() : realised.add(l.realised());
            }
        }
        boolean total = withTotal && lines.size() > 1;
        if (total) {
            rows.add(List.of(i18n.get("doc.bilan.total"), f.sum(target, unit), f.sum(realised, unit), f.rate(target, realised)));
        }
        return new Doc.Table(List.of(Doc.Column.text(what, 3.6), Doc.Column.number(i18n.get("doc.fiche.target"), 1.2),
                Doc.Column.number(i18n.get("doc.fiche.realised"), 1.2), Doc.Column.number(i18n.get("doc.fiche.rate"), 0.8)),
                rows, total);
    }

    /** Targets against realised values; a line without realised value reported has an empty bar marked « — ». */
    private Doc.BarChart chart(String title, List<Line> lines) {
        return new Doc.BarChart(title, lines.stream().map(Line::name).toList(),
                List.of(series(i18n.get("doc.fiche.target"), TARGET_COLOR, lines.stream().map(Line::target).toList()),
                        series(i18n.get("doc.fiche.realised"), REALISED_COLOR,
                                lines.stream().map(Line::realised).toList())));
    }

    private Doc.Series series(String name, int color, List<BigDecimal> values) {
        List<Double> doubles = values.stream().map(v -> v == null ? 0.0 : v.doubleValue()).toList();
        List<String> labels = values.stream().map(v -> v == null ? DocFormats.NONE : f.chartValue(v.doubleValue()))
                .toList();
        return new Doc.Series(name, color, doubles, labels);
    }

    /** A row of sums in a workbook: the rate is the one the documents print; empty cells for « nothing reported ». */
    private List<Object> sumRow(String name, IndicatorUnit unit, BigDecimal target, BigDecimal realised) {
        return Arrays.asList(name, f.unit(unit), target, realised, DocFormats.ratio(target, realised));
    }

    private static List<Workbook.Column> prepend(Workbook.Column first, List<Workbook.Column> rest) {
        List<Workbook.Column> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private String axisName(AxisYearTotal t) {
        return t.axis() == null ? i18n.get("doc.bilan.noAxis") : i18n.label(t.axis());
    }

    /** The units present, counts first (the figures people read first), in the enum's order. */
    private static List<IndicatorUnit> units(List<IndicatorUnit> present) {
        return Arrays.stream(IndicatorUnit.values()).filter(present::contains).toList();
    }
}
