package fr.ancrage.service.documents;

import fr.ancrage.documents.Doc;
import fr.ancrage.documents.Workbook;
import fr.ancrage.domain.BilanLine;
import fr.ancrage.domain.Catalogue;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.DashboardFilter;
import fr.ancrage.domain.EngagementCategory;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.domain.Qpv;
import fr.ancrage.i18n.I18n;
import fr.ancrage.i18n.Numerals;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.TestStores;
import fr.ancrage.service.CatalogueService;
import fr.ancrage.service.ConventionService;
import fr.ancrage.service.DemoDataService;
import fr.ancrage.service.EngagementService;
import fr.ancrage.service.OrganisationService;
import fr.ancrage.service.TerritoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bilan annuel of the demo EPCI says what the records say (issue 16, « honest figures »): its
 * figures are recomputed here from the engagements, targets and realised values, a year without
 * report shows « — » and says so, statuses are those of the end of the year, the quartiers are
 * said not to add up, a sub-indicator stands under its parent and the companies carry their SIRET.
 * The demo base is made on 22/11/2026: 2024's reports are in, 2025's campaign is not open yet.
 */
class BilanFiguresTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private static final DashboardFilter DEMO_EPCI = new DashboardFilter(null, "242500361", null, null);
    private static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-11-22T10:00:00Z");
    private static final String DASH = "—";

    private static Database db;
    private static Store store;
    private static DocumentService documents;
    private static final I18n I18N = I18n.forLanguage("fr");

    @BeforeAll
    static void loadDemo() {
        db = Database.inMemory("bilan-figures-" + UUID.randomUUID());
        store = new Store(db.dsl());
        new TerritoryService(store).ensureReferenceData();
        new DemoDataService(store, CLOCK).load();
        documents = new DocumentService(store, CLOCK, I18N);
    }

    @AfterAll
    static void close() {
        TestStores.shutdown(db);
    }

    // ---- the figures recomputed from the records --------------------------------------------------

    /** Sums of one line of a table: target, realised (null: nothing reported). */
    private record Sums(BigDecimal target, BigDecimal realised) {
        Sums plus(BilanLine l) {
            BigDecimal t = target.add(l.target() == null ? BigDecimal.ZERO : l.target());
            BigDecimal r = l.result() == null ? realised
                    : (realised == null ? BigDecimal.ZERO : realised).add(l.result().value());
            return new Sums(t, r);
        }

        BigDecimal rate() {
            return realised == null || target.signum() <= 0 ? null : realised.divide(target, 2, RoundingMode.HALF_UP);
        }
    }

    private static final Sums NONE = new Sums(BigDecimal.ZERO, null);

    /** The signed-or-later conventions of the demo EPCI, with their bilan lines. */
    private static Map<Convention, List<BilanLine>> committedConventions() {
        ConventionService conventions = new ConventionService(store, CLOCK);
        EngagementService engagements = new EngagementService(store);
        Map<Convention, List<BilanLine>> all = new HashMap<>();
        for (ConventionListItem item : conventions.list()) {
            if (item.status().isSignedOrLater() && DEMO_EPCI.epciSiren().equals(item.epciSiren())) {
                all.put(conventions.get(item.id()).orElseThrow(), engagements.bilan(item.id()));
            }
        }
        return all;
    }

    /** The lines a total adds up: of the year, engagement not abandoned, summable, not a « dont » part, with a figure. */
    private static boolean counted(BilanLine l, int year) {
        return l.year() == year && l.reportable() && l.indicator().summable() && !l.indicator().part()
                && (l.target() != null || l.result() != null);
    }

    private static List<Object> cells(Workbook.Sheet sheet, String first, String unit) {
        return sheet.rows().stream().filter(r -> first.equals(r.get(0)) && unit.equals(r.get(1))).findFirst()
                .orElseThrow(() -> new AssertionError(sheet.name() + ": no line " + first + " / " + unit));
    }

    private static Workbook.Sheet sheet(Workbook w, String name) {
        return w.sheets().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static void assertSums(String what, List<Object> row, int from, Sums expected) {
        assertThat((BigDecimal) row.get(from)).as(what + " target").isEqualByComparingTo(expected.target());
        if (expected.realised() == null) {
            assertThat(row.get(from + 1)).as(what + " realised (nothing reported)").isNull();
        } else {
            assertThat((BigDecimal) row.get(from + 1)).as(what + " realised").isEqualByComparingTo(expected.realised());
        }
        assertThat((BigDecimal) row.get(from + 2)).as(what + " rate").isEqualTo(expected.rate());
    }

    @Test
    void categoryQuartierAndCompanyFiguresAreThoseOfTheRecords() {
        for (int year : new int[] {2024, 2025}) {
            Workbook workbook = documents.bilanWorkbook(DEMO_EPCI, year, CREATED);
            Catalogue catalogue = new CatalogueService(store).catalogue();
            Map<Convention, List<BilanLine>> conventions = committedConventions();

            // by category: every engagement of the category that year, once
            Map<List<Object>, Sums> byCategory = new HashMap<>();
            conventions.values().forEach(lines -> lines.stream().filter(l -> counted(l, year)).forEach(l ->
                    byCategory.merge(List.of(l.indicator().categoryId(), l.indicator().unit()), NONE.plus(l),
                            (a, b) -> new Sums(a.target().add(b.target()), a.realised() == null ? b.realised()
                                    : b.realised() == null ? a.realised() : a.realised().add(b.realised())))));
            Workbook.Sheet categories = sheet(workbook, "Catégories");
            assertThat(categories.rows()).as("categories " + year).hasSize(byCategory.size());
            byCategory.forEach((key, sums) -> {
                String name = catalogue.category((UUID) key.get(0)).map(EngagementCategory::name).orElseThrow();
                String unit = I18N.label((IndicatorUnit) key.get(1));
                assertSums(year + " " + name + " " + unit, cells(categories, name, unit), 2, sums);
            });

            // by quartier: every convention targeting the quartier counts in full (decision 0015)
            Map<UUID, Qpv> qpvs = new HashMap<>();
            new TerritoryService(store).qpvs().forEach(q -> qpvs.put(q.id(), q));
            Map<List<Object>, Sums> byQpv = new HashMap<>();
            conventions.forEach((c, lines) -> c.qpvIds().forEach(q -> lines.stream().filter(l -> counted(l, year))
                    .forEach(l -> byQpv.merge(List.of(q, l.indicator().unit()), NONE.plus(l),
                            (a, b) -> new Sums(a.target().add(b.target()), a.realised() == null ? b.realised()
                                    : b.realised() == null ? a.realised() : a.realised().add(b.realised()))))));
            Workbook.Sheet quartiers = sheet(workbook, "QPV");
            assertThat(quartiers.rows().stream().filter(r -> r.get(2) != null)).as("quartiers " + year)
                    .hasSize(byQpv.size());
            byQpv.forEach((key, sums) -> {
                Qpv q = qpvs.get((UUID) key.get(0));
                String unit = I18N.label((IndicatorUnit) key.get(1));
                List<Object> row = quartiers.rows().stream()
                        .filter(r -> q.code().equals(r.get(0)) && unit.equals(r.get(2))).findFirst().orElseThrow();
                assertSums(year + " " + q.code() + " " + unit, row, 3, sums);
            });

            // the companies: the counts (people, actions) of each convention running that year
            Workbook.Sheet companies = sheet(workbook, "Entreprises");
            int reference = columnOf(companies, "Référence");
            int target = columnOf(companies, "Cible (nombre)");
            for (List<Object> row : companies.rows()) {
                Convention c = conventions.keySet().stream().filter(x -> x.reference().equals(row.get(reference)))
                        .findFirst().orElseThrow();
                Sums sums = conventions.get(c).stream()
                        .filter(l -> counted(l, year) && l.indicator().unit() == IndicatorUnit.COUNT)
                        .reduce(NONE, Sums::plus, (a, b) -> a);
                assertThat((BigDecimal) row.get(target)).as(c.reference()).isEqualByComparingTo(sums.target());
                assertThat(row.get(target + 1) == null ? null : ((BigDecimal) row.get(target + 1)).stripTrailingZeros())
                        .as(c.reference() + " realised")
                        .isEqualTo(sums.realised() == null ? null : sums.realised().stripTrailingZeros());
            }
        }
    }

    private static int columnOf(Workbook.Sheet sheet, String header) {
        for (int i = 0; i < sheet.columns().size(); i++) {
            if (sheet.columns().get(i).header().startsWith(header)) {
                return i;
            }
        }
        throw new AssertionError(sheet.name() + " has no column " + header + ": " + sheet.columns());
    }

    // ---- defects of issue 16 ----------------------------------------------------------------------

    /** The blocks under a level-1 heading, up to the next one. */
    private static List<Doc.Block> section(Doc doc, String heading) {
        List<Doc.Block> blocks = new ArrayList<>();
        boolean in = false;
        for (Doc.Block b : doc.blocks()) {
            if (b instanceof Doc.Heading h && h.level() == 1) {
                in = h.text().equals(heading);
                continue;
            }
            if (in) {
                blocks.add(b);
            }
        }
        assertThat(blocks).as("section " + heading).isNotEmpty();
        return blocks;
    }

    @Test
    void theQuartierTableSaysItDoesNotAddUpAndClaimsNoTotal() {
        Doc doc = documents.bilanDocument(DEMO_EPCI, 2024, CREATED);
        List<Doc.Block> quartiers = section(doc, "Par quartier prioritaire");
        assertThat(quartiers).filteredOn(b -> b instanceof Doc.Table).isNotEmpty().allSatisfy(b -> {
            Doc.Table t = (Doc.Table) b;
            assertThat(t.totalRow()).isFalse();
            assertThat(t.rows()).noneMatch(r -> r.getFirst().startsWith("Total"));
        });
        assertThat(quartiers).filteredOn(b -> b instanceof Doc.Paragraph p
                && p.text().contains("ne s’additionnent pas")).hasSize(1);
        Workbook.Sheet sheet = sheet(documents.bilanWorkbook(DEMO_EPCI, 2024, CREATED), "QPV");
        assertThat(sheet.rows()).noneMatch(r -> "Total".equals(r.get(1)));
        assertThat(sheet.rows()).anyMatch(r -> r.get(0) instanceof String s && s.contains("ne s’additionnent pas"));
    }

    @Test
    void aYearWithoutReportShowsDashesASentenceAndNoChartOfZeros() {
        Doc doc = documents.bilanDocument(DEMO_EPCI, 2025, CREATED);
        assertThat(doc.blocks()).noneMatch(b -> b instanceof Doc.BarChart);
        assertThat(doc.blocks()).anyMatch(b -> b instanceof Doc.Paragraph p && p.text().contains("Aucun bilan")
                && p.text().contains("2025"));
        for (String heading : List.of("Par catégorie d’engagement", "Par axe du PaQte", "Par quartier prioritaire")) {
            section(doc, heading).stream().filter(b -> b instanceof Doc.Table).map(b -> (Doc.Table) b)
                    .forEach(t -> t.rows().forEach(r -> {
                        assertThat(r.get(2)).as(heading + " realised " + r).isEqualTo(DASH);
                        assertThat(r.get(3)).as(heading + " rate " + r).isEqualTo(DASH);
                    }));
        }
        Workbook workbook = documents.bilanWorkbook(DEMO_EPCI, 2025, CREATED);
        assertThat(sheet(workbook, "Catégories").rows()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.subList(3, 5)).containsOnlyNulls());
        Workbook.Sheet companies = sheet(workbook, "Entreprises");
        int realised = columnOf(companies, "Réalisé (nombre)");
        assertThat(companies.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.get(realised)).isNull());
    }

    @Test
    void theDocumentAndTheWorkbookRoundRatesAlike() {
        Numerals numerals = Numerals.of(I18N.locale());
        Doc doc = documents.bilanDocument(DEMO_EPCI, 2024, CREATED);
        Workbook workbook = documents.bilanWorkbook(DEMO_EPCI, 2024, CREATED);
        List<List<String>> shown = section(doc, "Par catégorie d’engagement").stream()
                .filter(b -> b instanceof Doc.Table).flatMap(b -> ((Doc.Table) b).rows().stream()).toList();
        int compared = 0;
        for (List<Object> row : sheet(workbook, "Catégories").rows()) {
            if (row.get(4) == null) {
                continue;
            }
            BigDecimal cell = (BigDecimal) row.get(4);
            // what a spreadsheet shows of the cell with its whole-percent format (half up)
            String spreadsheet = numerals.percent(cell.setScale(2, RoundingMode.HALF_UP));
            assertThat(cell.stripTrailingZeros().scale()).as("a rate at the precision shown").isLessThanOrEqualTo(2);
            assertThat(shown).as((String) row.get(0)).anyMatch(r -> r.getFirst().equals(row.get(0))
                    && r.get(3).equals(spreadsheet));
            compared++;
        }
        assertThat(compared).isPositive();
    }

    @Test
    void statusesAreThoseOfTheEndOfTheYear() {
        Workbook.Sheet companies = sheet(documents.bilanWorkbook(DEMO_EPCI, 2024, CREATED), "Entreprises");
        int reference = columnOf(companies, "Référence");
        int status = columnOf(companies, "Statut au 31/12/2024");
        LocalDate endOfYear = LocalDate.of(2024, 12, 31);
        Map<String, Convention> byReference = new HashMap<>();
        committedConventions().keySet().forEach(c -> byReference.put(c.reference(), c));
        int running = 0;
        for (List<Object> row : companies.rows()) {
            Convention c = byReference.get((String) row.get(reference));
            if (c.status() == ConventionStatus.TERMINATED) {
                assertThat((String) row.get(status)).startsWith("Résiliée").contains("22/11/2026");
            } else if (!c.endDate().isBefore(endOfYear) && !c.startDate().isAfter(endOfYear)) {
                assertThat(row.get(status)).as(c.reference() + " ends " + c.endDate()).isEqualTo("Active");
                running++;
            } else if (c.endDate().isBefore(endOfYear)) {
                assertThat(row.get(status)).as(c.reference()).isIn("Échue", "Renouvelée");
            }
        }
        assertThat(running).isPositive();
        // the synthesis counts the statuses of that day too
        Doc doc = documents.bilanDocument(DEMO_EPCI, 2024, CREATED);
        List<Doc.Fact> facts = doc.blocks().stream().filter(b -> b instanceof Doc.Facts).map(b -> (Doc.Facts) b)
                .findFirst().orElseThrow().facts();
        Doc.Fact statuses = facts.stream().filter(f -> f.label().equals("Statut au 31/12/2024")).findFirst()
                .orElseThrow();
        assertThat(statuses.value()).contains("Active : " + running);
    }

    @Test
    void aSubIndicatorStandsUnderItsParent() {
        Doc doc = documents.bilanDocument(DEMO_EPCI, 2024, CREATED);
        List<List<String>> rows = section(doc, "Indicateurs clés").stream().filter(b -> b instanceof Doc.Table)
                .flatMap(b -> ((Doc.Table) b).rows().stream()).toList();
        int part = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).getFirst().contains("dont emplois francs")) {
                part = i;
            }
        }
        assertThat(part).as("the part is listed").isPositive();
        assertThat(rows.get(part).getFirst()).as("indented").startsWith("\u00A0");
        assertThat(rows.get(part - 1).getFirst()).isEqualTo("Embauches de résidents des QPV");
        Workbook.Sheet indicators = sheet(documents.bilanWorkbook(DEMO_EPCI, 2024, CREATED), "Indicateurs");
        List<String> names = indicators.rows().stream().map(r -> (String) r.getFirst()).toList();
        int at = names.indexOf(names.stream().filter(n -> n.contains("dont emplois francs")).findFirst().orElseThrow());
        assertThat(names.get(at - 1)).isEqualTo("Embauches de résidents des QPV");
    }

    @Test
    void theCompaniesOfTheWorkbookCarryTheirSiretAsFourteenDigits() {
        Workbook.Sheet companies = sheet(documents.bilanWorkbook(DEMO_EPCI, 2024, CREATED), "Entreprises");
        int siret = columnOf(companies, "SIRET");
        assertThat(companies.columns().get(siret).kind()).isEqualTo(Workbook.Kind.CODE);
        int reference = columnOf(companies, "Référence");
        Map<String, Convention> byReference = new HashMap<>();
        committedConventions().keySet().forEach(c -> byReference.put(c.reference(), c));
        OrganisationService organisations = new OrganisationService(store);
        int withSiret = 0;
        for (List<Object> row : companies.rows()) {
            String expected = organisations.get(byReference.get((String) row.get(reference)).companyId())
                    .orElseThrow().siret();
            if (expected.isEmpty()) {
                assertThat(row.get(siret)).isNull();
            } else {
                assertThat((String) row.get(siret)).matches("\\d{14}").isEqualTo(expected);
                withSiret++;
            }
        }
        assertThat(withSiret).isPositive();
        assertThat(Objects.requireNonNull(companies.rows())).isNotEmpty();
    }

    // ---- the figures recomputed from the package's records ----------------------------------------

    private static org.json.JSONArray entry(java.util.zip.ZipFile zip, String name) throws java.io.IOException {
        try (var in = zip.getInputStream(zip.getEntry(name))) {
            return new org.json.JSONArray(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /**
     * The package of the bilan holds every record behind its figures: the category and quartier
     * totals recomputed from its JSON alone (conventions, engagements, targets, realised values,
     * catalogue) are those of its workbook (issue 16, « Tests »).
     */
    @Test
    void thePackagesRecordsGiveTheBilansFigures(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        for (int year : new int[] {2024, 2025}) {
            java.nio.file.Path file = documents.exportBilanPackage(DEMO_EPCI, year,
                    java.util.EnumSet.of(fr.ancrage.documents.Format.ODS), dir, DocumentService.Progress.NONE);
            Map<List<Object>, Sums> byCategory = new HashMap<>();
            Map<List<Object>, Sums> byQpv = new HashMap<>();
            Map<String, String> categoryNames = new HashMap<>();
            Map<String, String> qpvCodes = new HashMap<>();
            try (var zip = new java.util.zip.ZipFile(file.toFile())) {
                var catalogue = new org.json.JSONObject(new String(zip.getInputStream(zip.getEntry("donnees/catalogue.json"))
                        .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                catalogue.getJSONArray("categories").forEach(o -> categoryNames.put(((org.json.JSONObject) o)
                        .getString("id"), ((org.json.JSONObject) o).getString("name")));
                Map<String, org.json.JSONObject> indicators = new HashMap<>();
                catalogue.getJSONArray("indicators").forEach(o -> indicators.put(((org.json.JSONObject) o)
                        .getString("id"), (org.json.JSONObject) o));
                entry(zip, "donnees/qpv.json").forEach(o -> qpvCodes.put(((org.json.JSONObject) o).getString("id"),
                        ((org.json.JSONObject) o).getString("code")));
                Map<String, org.json.JSONObject> conventions = new HashMap<>();
                entry(zip, "donnees/conventions.json").forEach(o -> conventions.put(((org.json.JSONObject) o)
                        .getString("id"), (org.json.JSONObject) o));
                Map<String, org.json.JSONObject> engagements = new HashMap<>();
                entry(zip, "donnees/engagements.json").forEach(o -> engagements.put(((org.json.JSONObject) o)
                        .getString("id"), (org.json.JSONObject) o));
                // (engagement, indicator) of the year → target, realised
                Map<List<String>, Sums> values = new HashMap<>();
                engagements.forEach((id, e) -> e.getJSONArray("targets").forEach(o -> {
                    var t = (org.json.JSONObject) o;
                    if (t.getInt("year") == year) {
                        values.merge(List.of(id, t.getString("indicatorId")), new Sums(t.getBigDecimal("value"), null),
                                (a, b) -> new Sums(a.target().add(b.target()), a.realised()));
                    }
                }));
                entry(zip, "donnees/realises.json").forEach(o -> {
                    var v = (org.json.JSONObject) o;
                    if (v.getInt("year") == year) {
                        values.merge(List.of(v.getString("engagementId"), v.getString("indicatorId")),
                                new Sums(BigDecimal.ZERO, v.getBigDecimal("value")),
                                (a, b) -> new Sums(a.target(), a.realised() == null ? b.realised()
                                        : a.realised().add(b.realised())));
                    }
                });
                values.forEach((key, sums) -> {
                    var e = engagements.get(key.get(0));
                    var c = conventions.get(e.getString("conventionId"));
                    var indicator = indicators.get(key.get(1));
                    if ("ABANDONED".equals(e.getString("status"))
                            || !ConventionStatus.valueOf(c.getString("status")).isSignedOrLater()
                            || !indicator.getBoolean("summable")
                            || fr.ancrage.domain.EngagementRules.PART_OF.containsKey(indicator.getString("code"))) {
                        return;
                    }
                    String unit = I18N.label(IndicatorUnit.valueOf(indicator.getString("unit")));
                    java.util.function.BinaryOperator<Sums> add = (a, b) -> new Sums(a.target().add(b.target()),
                            a.realised() == null ? b.realised() : b.realised() == null ? a.realised()
                                    : a.realised().add(b.realised()));
                    byCategory.merge(List.of(categoryNames.get(indicator.getString("categoryId")), unit), sums, add);
                    c.getJSONArray("qpvIds").forEach(q -> byQpv.merge(List.of(qpvCodes.get((String) q), unit), sums, add));
                });
            }
            Workbook workbook = documents.bilanWorkbook(DEMO_EPCI, year, CREATED);
            Workbook.Sheet categories = sheet(workbook, "Catégories");
            assertThat(categories.rows()).as("categories " + year).hasSize(byCategory.size());
            byCategory.forEach((key, sums) -> assertSums(year + " " + key, cells(categories, (String) key.get(0),
                    (String) key.get(1)), 2, sums));
            Workbook.Sheet quartiers = sheet(workbook, "QPV");
            assertThat(quartiers.rows().stream().filter(r -> r.get(2) != null)).as("quartiers " + year)
                    .hasSize(byQpv.size());
            byQpv.forEach((key, sums) -> assertSums(year + " " + key, quartiers.rows().stream()
                    .filter(r -> key.get(0).equals(r.get(0)) && key.get(1).equals(r.get(2))).findFirst().orElseThrow(),
                    3, sums));
        }
    }
}
