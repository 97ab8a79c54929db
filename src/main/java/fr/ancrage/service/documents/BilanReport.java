package fr.ancrage.service.documents;

import fr.ancrage.documents.Doc;
import fr.ancrage.documents.Workbook;
import fr.ancrage.documents.Workbook.Kind;
import fr.ancrage.domain.AxisYearTotal;
import fr.ancrage.domain.CategoryYearTotal;
import fr.ancrage.domain.ConventionFigure;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.DashboardFigures;
import fr.ancrage.domain.IndicatorRanking;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.domain.TerritoryTotal;
import fr.ancrage.i18n.I18n;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
     * year's campaign reports of these conventions by state, null when no campaign was opened.
     */
    record Data(String territory, int year, DashboardFigures figures, List<TerritoryTotal> qpvs,
                List<ConventionFigure> conventions, Map<fr.ancrage.domain.ReportState, Integer> reports) {
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
        }

        List<CategoryYearTotal> categories = d.figures().byCategory().stream().filter(t -> t.year() == d.year()).toList();
        if (!categories.isEmpty()) {
            blocks.add(new Doc.Heading(1, i18n.get("doc.bilan.byCategory")));
            for (IndicatorUnit unit : units(categories.stream().map(CategoryYearTotal::unit).toList())) {
                List<CategoryYearTotal> ofUnit = categories.stream().filter(t -> t.unit() == unit).toList();
                if (unit == IndicatorUnit.COUNT) {
                    blocks.add(chart(i18n.get("doc.bilan.chartCategories"),
                            ofUnit.stream().map(CategoryYearTotal::categoryName).toList(),
                            ofUnit.stream().map(CategoryYearTotal::target).toList(),
                            ofUnit.stream().map(CategoryYearTotal::realised).toList()));
                }
                blocks.add(new Doc.Heading(2, f.unit(unit)));
                blocks.add(sumTable(i18n.get("doc.bilan.category"), unit,
                        ofUnit.stream().map(t -> new Line(t.categoryName(), t.target(), t.realised())).toList()));
            }
        }

        List<AxisYearTotal> axes = d.figures().byAxis().stream().filter(t -> t.year() == d.year()).toList();
        if (!axes.isEmpty()) {
            blocks.add(new Doc.Heading(1, i18n.get("doc.bilan.byAxis")));
            for (IndicatorUnit unit : units(axes.stream().map(AxisYearTotal::unit).toList())) {
                List<AxisYearTotal> ofUnit = axes.stream().filter(t -> t.unit() == unit).toList();
                if (unit == IndicatorUnit.COUNT) {
                    blocks.add(chart(i18n.get("doc.bilan.chartAxes"), ofUnit.stream().map(this::axisName).toList(),
                            ofUnit.stream().map(AxisYearTotal::target).toList(),
                            ofUnit.stream().map(AxisYearTotal::realised).toList()));
                }
                blocks.add(new Doc.Heading(2, f.unit(unit)));
                blocks.add(sumTable(i18n.get("doc.bilan.axis"), unit,
                        ofUnit.stream().map(t -> new Line(axisName(t), t.target(), t.realised())).toList()));
            }
        }

        if (!d.qpvs().isEmpty()) {
            blocks.add(new Doc.Heading(1, i18n.get("doc.bilan.byQpv")));
            for (IndicatorUnit unit : units(d.qpvs().stream().map(TerritoryTotal::unit).toList())) {
                blocks.add(new Doc.Heading(2, f.unit(unit)));
                blocks.add(sumTable(i18n.get("doc.bilan.qpv"), unit, d.qpvs().stream().filter(t -> t.unit() == unit)
                        .map(t -> new Line(t.code() + " – " + t.name(), t.target(), t.realised())).toList()));
            }
        }

        if (!d.figures().topIndicators().isEmpty()) {
            blocks.add(new Doc.Heading(1, i18n.get("doc.bilan.keyIndicators")));
            List<List<String>> rows = new ArrayList<>();
            for (IndicatorRanking r : d.figures().topIndicators()) {
                rows.add(List.of(r.indicatorName(), f.unit(r.unit()), f.sum(r.target(), r.unit()),
                        f.sum(r.realised(), r.unit()), f.rate(r.target(), r.realised())));
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
                rows.add(List.of(c.companyName(), c.reference(), i18n.label(c.status()), f.date(c.endDate()),
                        f.number(c.target()), f.number(c.realised())));
            }
            blocks.add(new Doc.Table(List.of(Doc.Column.text(i18n.get("doc.bilan.company"), 3.2),
                    Doc.Column.text(i18n.get("doc.fiche.reference"), 1.5), Doc.Column.text(i18n.get("doc.fiche.status"), 1.2),
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
        d.figures().byCategory().stream().filter(t -> t.year() == d.year())
                .forEach(t -> categories.add(sumRow(t.categoryName(), t.unit(), t.target(), t.realised())));
        sheets.add(new Workbook.Sheet(i18n.get("doc.bilan.sheetCategories"),
                prepend(Workbook.Column.of(i18n.get("doc.bilan.category"), Kind.TEXT), sumColumns), categories));

        List<List<Object>> axes = new ArrayList<>();
        d.figures().byAxis().stream().filter(t -> t.year() == d.year())
                .forEach(t -> axes.add(sumRow(axisName(t), t.unit(), t.target(), t.realised())));
        sheets.add(new Workbook.Sheet(i18n.get("doc.bilan.sheetAxes"),
                prepend(Workbook.Column.of(i18n.get("doc.bilan.axis"), Kind.TEXT), sumColumns), axes));

        List<List<Object>> qpvs = new ArrayList<>();
        d.qpvs().forEach(t -> {
            List<Object> row = new ArrayList<>();
            row.add(t.code());
            row.addAll(sumRow(t.name(), t.unit(), t.target(), t.realised()));
            qpvs.add(row);
        });
        List<Workbook.Column> qpvColumns = new ArrayList<>();
        qpvColumns.add(Workbook.Column.of(i18n.get("doc.bilan.qpvCode"), Kind.CODE));
        qpvColumns.add(Workbook.Column.of(i18n.get("doc.bilan.qpvName"), Kind.TEXT));
        qpvColumns.addAll(sumColumns);
        sheets.add(new Workbook.Sheet(i18n.get("doc.bilan.sheetQpvs"), qpvColumns, qpvs));

        List<List<Object>> indicators = new ArrayList<>();
        d.figures().topIndicators().forEach(r -> indicators.add(sumRow(r.indicatorName(), r.unit(), r.target(), r.realised())));
        sheets.add(new Workbook.Sheet(i18n.get("doc.bilan.sheetIndicators"),
                prepend(Workbook.Column.of(i18n.get("doc.fiche.indicator"), Kind.TEXT), sumColumns), indicators));

        List<List<Object>> companies = new ArrayList<>();
        d.conventions().forEach(c -> companies.add(Arrays.asList(c.companyName(), c.reference(), i18n.label(c.status()),
                c.endDate(), c.target(), c.realised())));
        sheets.add(new Workbook.Sheet(i18n.get("doc.bilan.sheetCompanies"), List.of(
                Workbook.Column.of(i18n.get("doc.bilan.company"), Kind.TEXT),
                Workbook.Column.of(i18n.get("doc.fiche.reference"), Kind.CODE),
                Workbook.Column.of(i18n.get("doc.fiche.status"), Kind.TEXT),
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
        Map<ConventionStatus, Integer> byStatus = new EnumMap<>(d.figures().counts().byStatus());
        byStatus.forEach((status, n) -> rows.add(new String[] {"  " + i18n.label(status), f.count(n)}));
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

    private record Line(String name, BigDecimal target, BigDecimal realised) {
    }

    private Doc.Table sumTable(String what, IndicatorUnit unit, List<Line> lines) {
        List<List<String>> rows = new ArrayList<>();
        BigDecimal target = BigDecimal.ZERO;
        BigDecimal realised = BigDecimal.ZERO;
        for (Line l : lines) {
            rows.add(List.of(l.name(), f.sum(l.target(), unit), f.sum(l.realised(), unit), f.rate(l.target(), l.realised())));
            target = target.add(l.target());
            realised = realised.add(l.realised());
        }
        boolean total = lines.size() > 1;
        if (total) {
            rows.add(List.of(i18n.get("doc.bilan.total"), f.sum(target, unit), f.sum(realised, unit), f.rate(target, realised)));
        }
        return new Doc.Table(List.of(Doc.Column.text(what, 3.6), Doc.Column.number(i18n.get("doc.fiche.target"), 1.2),
                Doc.Column.number(i18n.get("doc.fiche.realised"), 1.2), Doc.Column.number(i18n.get("doc.fiche.rate"), 0.8)),
                rows, total);
    }

    private Doc.BarChart chart(String title, List<String> names, List<BigDecimal> targets, List<BigDecimal> realised) {
        return new Doc.BarChart(title, names, List.of(series(i18n.get("doc.fiche.target"), TARGET_COLOR, targets),
                series(i18n.get("doc.fiche.realised"), REALISED_COLOR, realised)));
    }

    private Doc.Series series(String name, int color, List<BigDecimal> values) {
        List<Double> doubles = values.stream().map(BigDecimal::doubleValue).toList();
        return new Doc.Series(name, color, doubles, doubles.stream().map(f::chartValue).toList());
    }

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
