package fr.ancrage.service.documents;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import fr.ancrage.documents.Conformance;
import fr.ancrage.documents.Format;
import fr.ancrage.domain.Attendance;
import fr.ancrage.domain.BilanLine;
import fr.ancrage.domain.Ceremony;
import fr.ancrage.domain.CeremonyItem;
import fr.ancrage.domain.CeremonySignatory;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.Indicator;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.domain.ProgrammeItem;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.SignatoryRole;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.TestStores;
import fr.ancrage.service.CeremonyService;
import fr.ancrage.service.ConventionService;
import fr.ancrage.service.DemoDataService;
import fr.ancrage.service.EngagementService;
import fr.ancrage.service.documents.DocumentService.CeremonyDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The documents of a signing ceremony, proved through their text: the dossier, the table tents,
 * the conventions to print and the press list, on a fresh database with the demo data and a
 * ceremony of four complete conventions « prête à signer ».
 */
class CeremonyDocumentsTest {

    /** Today: 2 March 2026; the ceremony is on the 17th. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate DAY = LocalDate.of(2026, 3, 17);
    private static final String TITLE = "Signature des conventions entreprises et quartiers";
    private static final String PLACE = "Préfecture du Doubs, salon Vauban";
    private static final String HOST = "Préfet du Doubs";
    /** In signing order: neither alphabetical nor in the order of the references. */
    private static final List<String> COMPANIES = List.of("Entrepôts des Deux Rives", "Précision Micro Franche-Comté",
            "Assurances Mutuelles de l'Est Comtois", "Comtoise de Restauration Collective");
    private static final LocalDate START = LocalDate.of(2026, 4, 1);
    private static final LocalDate END = LocalDate.of(2029, 3, 31);
    private static final String UNTITLED = "Hôtel des Remparts Bisontins";

    private final I18n i18n = I18n.forLanguage("fr");
    private Database db;
    private Store store;
    private CeremonyService ceremonies;
    private DocumentService documents;
    private Ceremony ceremony;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        db = TestStores.withReference();
        store = new Store(db.dsl());
        new DemoDataService(store, CLOCK).load();
        ceremonies = new CeremonyService(store, CLOCK);
        documents = new DocumentService(store, CLOCK, i18n);
        ceremony = ceremonies.save(new Ceremony(RecordMeta.fresh(), TITLE, DAY, LocalTime.of(10, 30), PLACE, HOST,
                "Grand Besançon Métropole, France Travail", "L’Est Républicain", "", null, List.of(
                new ProgrammeItem(RecordMeta.fresh(), LocalTime.of(10, 30), "Rémi Bastille", "Préfet du Doubs",
                        "Accueil des entreprises"),
                new ProgrammeItem(RecordMeta.fresh(), LocalTime.of(10, 50), "Anne Vignot",
                        "Présidente de Grand Besançon Métropole", "Les quartiers et l’emploi")), List.of()));
        ceremonies.add(ceremony.id(), COMPANIES.stream().map(this::readyConventionOf).toList());
        List<CeremonyItem> items = ceremonies.items(ceremony.id());
        // Deux Rives: all confirmed; Précision Micro: all came; Assurances: the company's head sent
        // word he could not come; Comtoise de Restauration: no answer yet
        all(items.get(0), Attendance.CONFIRMED);
        all(items.get(1), Attendance.PRESENT);
        CeremonyItem assurances = items.get(2);
        ceremonies.setAttendance(ceremony.id(), assurances.signatories().stream()
                .filter(s -> s.role() != SignatoryRole.COMPANY).toList(),
                Attendance.PRESENT);
        ceremonies.setAttendance(ceremony.id(), assurances.signatories().stream()
                .filter(s -> s.role() == SignatoryRole.COMPANY).toList(),
                Attendance.DECLINED);
    }

    @AfterEach
    void tearDown() {
        TestStores.shutdown(db);
    }

    /**
     * The company's convention « prête à signer », given the dates it takes effect and ends on (the
     * demo's conventions ready to sign have none, and the template of the convention needs them).
     */
    private UUID readyConventionOf(String companyName) {
        ConventionService conventions = new ConventionService(store, CLOCK);
        UUID id = conventions.list().stream()
                .filter(c -> c.status() == ConventionStatus.READY_TO_SIGN && companyName.equals(c.companyName()))
                .map(ConventionListItem::id).findFirst().orElseThrow(() -> new AssertionError(companyName));
        Convention c = conventions.get(id).orElseThrow();
        conventions.save(new Convention(c.meta(), c.reference(), c.title(), c.companyId(), c.framework(),
                c.departmentCode(), c.epciSiren(), c.stateReferent(), c.status(), c.signatureDate(), START, END,
                c.qpvIds(), c.signatories(), c.notes()));
        return id;
    }

    private void all(CeremonyItem item, Attendance attendance) {
        ceremonies.setAttendance(ceremony.id(), item.signatories(), attendance);
    }

    private List<CeremonyItem> items() {
        return ceremonies.items(ceremony.id());
    }

    private DocumentService.Written export(Set<CeremonyDocument> what, int originals, Set<Format> formats, Path folder) {
        return documents.exportCeremony(ceremony.id(), what, originals, formats, folder, DocumentService.Progress.NONE);
    }

    /** The text with its line breaks and special spaces as plain spaces (wrapped cells read on). */
    private static String flat(String text) {
        return text.replace('\u202F', ' ').replace('\u00A0', ' ').replaceAll("\\s+", " ");
    }

    private static String pdf(Path file) throws IOException {
        return flat(Conformance.pdfText(file));
    }

    /** Every file of the folder, hidden ones (a temporary {@code .part}) included. */
    private static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** The needles are found in this order in the text, each after the one before. */
    private static void assertInOrder(String text, List<String> needles) {
        int from = 0;
        for (String needle : needles) {
            int at = text.indexOf(needle, from);
            assertThat(at).as("« %s » after position %d of:\n%s", needle, from, text).isGreaterThanOrEqualTo(0);
            from = at + needle.length();
        }
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("« %s » in:\n%s", start, text).isGreaterThanOrEqualTo(0);
        int to = text.indexOf(end, from);
        assertThat(to).as("« %s » after « %s » in:\n%s", end, start, text).isGreaterThan(from);
        return text.substring(from, to);
    }

    private static String frenchNumber(BigDecimal value) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.FRANCE);
        f.setMaximumFractionDigits(2);
        return flat(f.format(value));
    }

    private static String frenchMoney(BigDecimal value) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.FRANCE);
        f.setMinimumFractionDigits(value.stripTrailingZeros().scale() > 0 ? 2 : 0);
        f.setMaximumFractionDigits(2);
        return flat(f.format(value)) + " €";
    }

    /** The targets of the ceremony's engagements, indicator by indicator, for the summable ones. */
    private Map<Indicator, BigDecimal> targetsByIndicator(List<CeremonyItem> items) {
        EngagementService engagements = new EngagementService(store);
        Map<UUID, Indicator> indicators = new LinkedHashMap<>();
        Map<UUID, BigDecimal> sums = new LinkedHashMap<>();
        for (CeremonyItem item : items) {
            for (BilanLine l : engagements.bilan(item.conventionId())) {
                if (l.target() != null && l.indicator().summable()) {
                    indicators.putIfAbsent(l.indicator().id(), l.indicator());
                    sums.merge(l.indicator().id(), l.target(), BigDecimal::add);
                }
            }
        }
        Map<Indicator, BigDecimal> out = new LinkedHashMap<>();
        sums.forEach((id, sum) -> out.put(indicators.get(id), sum));
        return out;
    }

    // ---- dossier ---------------------------------------------------------------------------------

    @Test
    void theDossierSaysWhoSignsWhatInSigningOrder() throws Exception {
        var written = export(EnumSet.of(CeremonyDocument.DOSSIER), 1, EnumSet.of(Format.PDF, Format.ODT), dir);

        assertThat(written.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("Dossier de cérémonie 2026-03-17.pdf", "Dossier de cérémonie 2026-03-17.odt");
        assertThat(filesIn(dir)).containsExactlyInAnyOrder("Dossier de cérémonie 2026-03-17.pdf",
                "Dossier de cérémonie 2026-03-17.odt");
        Path pdf = written.files().get(0);
        Conformance.assertAccessiblePdf(pdf);
        String text = pdf(pdf);
        assertThat(text).contains(TITLE, "17/03/2026", PLACE, HOST, "10:30", "Grand Besançon Métropole, France Travail",
                "L’Est Républicain");
        assertInOrder(text, List.of("Programme", "10:30", "Rémi Bastille", "Préfet du Doubs", "Accueil des entreprises",
                "10:50", "Anne Vignot", "Présidente de Grand Besançon Métropole", "Les quartiers et l’emploi"));

        // the signatories, with their titles and answers, company after company in signing order
        List<CeremonyItem> items = items();
        assertThat(items).extracting(CeremonyItem::companyName).containsExactlyElementsOf(COMPANIES);
        String order = between(text, "Ordre de passage et signataires", "Ce à quoi les entreprises s’engagent");
        List<String> expected = new ArrayList<>();
        int rank = 1;
        for (CeremonyItem item : items) {
            expected.add(rank++ + " " + item.companyName());
            for (CeremonySignatory s : item.signatories()) {
                assertThat(s.jobTitle()).as(s.fullName()).isNotEmpty();
                expected.add(s.fullName());
                expected.add(s.jobTitle());
                expected.add(i18n.label(s.attendance()));
            }
        }
        assertInOrder(order, expected);
        assertThat(order).contains("Excusé", "Présent", "Confirmé", "Invité");
        int signatories = items.stream().mapToInt(i -> i.signatories().size()).sum();
        assertThat(signatories).isGreaterThanOrEqualTo(2 * items.size());

        // « 4 entreprises s’engagent : … », with a total of targets over the four conventions
        Map<Indicator, BigDecimal> totals = targetsByIndicator(items);
        assertThat(text).contains("4 entreprises s’engagent : ");
        Indicator stages = totals.keySet().stream().filter(i -> i.unit() == IndicatorUnit.COUNT)
                .filter(i -> items.stream().filter(item -> new EngagementService(store).bilan(item.conventionId())
                        .stream().anyMatch(l -> l.indicator().id().equals(i.id()) && l.target() != null)).count() >= 2)
                .findFirst().orElseThrow();
        String name = stages.name().substring(0, 1).toLowerCase(Locale.FRANCE) + stages.name().substring(1);
        String sentence = between(text, "4 entreprises s’engagent : ", "Programme").strip();
        assertThat(sentence).contains(frenchNumber(totals.get(stages)) + " " + name);
        // more totals than the sentence names: it ends on « etc. », once
        assertThat(totals).hasSizeGreaterThan(8);
        assertThat(sentence).endsWith(", etc.").doesNotContain("etc..");
        Indicator euros = totals.keySet().stream().filter(i -> i.unit() == IndicatorUnit.EUROS).findFirst().orElseThrow();
        assertThat(text).contains(frenchMoney(totals.get(euros)));
        // a total of the ceremony's conventions only: not of all the conventions ready to sign
        List<String> wholeDemo = new ConventionService(store, CLOCK).list().stream()
                .filter(c -> c.status() == ConventionStatus.READY_TO_SIGN).map(ConventionListItem::id)
                .flatMap(id -> new EngagementService(store).bilan(id).stream())
                .filter(l -> l.indicator().id().equals(stages.id()) && l.target() != null)
                .map(BilanLine::target).reduce(BigDecimal::add).map(CeremonyDocumentsTest::frenchNumber).stream().toList();
        assertThat(wholeDemo).singleElement().isNotEqualTo(frenchNumber(totals.get(stages)));

        // a page per company, in signing order
        assertInOrder(text, List.of("1. Entrepôts des Deux Rives", "2. Précision Micro Franche-Comté",
                "3. Assurances Mutuelles de l'Est Comtois", "4. Comtoise de Restauration Collective"));
        assertThat(Conformance.pdfPages(pdf)).isGreaterThanOrEqualTo(1 + items.size());

        Path odt = written.files().get(1);
        Conformance.assertValidOdf(odt);
        String odtText = flat(Conformance.odfText(odt));
        assertThat(odtText).contains(TITLE, "4 entreprises s’engagent : ", frenchNumber(totals.get(stages)) + " " + name,
                "1. Entrepôts des Deux Rives", "4. Comtoise de Restauration Collective").doesNotContain("etc..");
    }

    @Test
    void reorderingTheCeremonyReordersTheDossier() throws Exception {
        List<CeremonyItem> items = items();
        ceremonies.reorder(ceremony.id(), List.of(items.get(3), items.get(1), items.get(0), items.get(2)));
        Path folder = Files.createDirectories(dir.resolve("reordered"));
        String text = pdf(export(EnumSet.of(CeremonyDocument.DOSSIER), 1, Set.of(), folder).files().getFirst());
        assertInOrder(text, List.of("1. Comtoise de Restauration Collective", "2. Précision Micro Franche-Comté",
                "3. Entrepôts des Deux Rives", "4. Assurances Mutuelles de l'Est Comtois"));
        assertThat(text).doesNotContain("1. Entrepôts des Deux Rives");
        String order = between(text, "Ordre de passage et signataires", "Ce à quoi les entreprises s’engagent");
        assertInOrder(order, List.of("1 Comtoise de Restauration Collective", "2 Précision Micro Franche-Comté",
                "3 Entrepôts des Deux Rives", "4 Assurances Mutuelles de l'Est Comtois"));
        // no text format chosen: the dossier is a PDF
        assertThat(filesIn(folder)).containsExactly("Dossier de cérémonie 2026-03-17.pdf");
    }

    // ---- table tents -----------------------------------------------------------------------------

    @Test
    void aTableTentForEveryPersonAtTheTable() throws Exception {
        var written = export(EnumSet.of(CeremonyDocument.TENTS), 1, Set.of(), dir);
        assertThat(written.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("Chevalets 2026-03-17.pdf");
        Path pdf = written.files().getFirst();
        Conformance.assertAccessiblePdf(pdf);
        List<CeremonySignatory> all = items().stream().flatMap(i -> i.signatories().stream()).toList();
        // who declined will not be at the table (the head of Assurances Mutuelles de l'Est Comtois)
        List<CeremonySignatory> declined = all.stream().filter(s -> s.attendance() == Attendance.DECLINED).toList();
        assertThat(declined).singleElement().extracting(CeremonySignatory::role).isEqualTo(SignatoryRole.COMPANY);
        List<CeremonySignatory> signatories = all.stream().filter(s -> s.attendance() != Attendance.DECLINED).toList();
        // the prefect signs the four conventions and has one tent, as everyone signing more than one
        long people = signatories.stream().map(s -> s.fullName() + "|" + s.jobTitle() + "|" + s.organisationName())
                .distinct().count();
        assertThat(people).isLessThan(signatories.size());
        assertThat(Conformance.pdfPages(pdf)).isEqualTo(people);
        assertThat(signatories.stream().filter(s -> s.role() == SignatoryRole.PREFECT).count()).isEqualTo(4);
        String text = pdf(pdf);
        for (CeremonySignatory s : signatories) {
            assertThat(text).contains(s.fullName(), s.jobTitle());
        }
        assertThat(text).doesNotContain(declined.getFirst().fullName());
        // the companies' heads, one tent after the other in signing order
        List<String> names = new ArrayList<>();
        signatories.stream().filter(s -> s.role() == SignatoryRole.COMPANY).forEach(s -> names.add(s.fullName()));
        assertThat(names).hasSize(3).doesNotHaveDuplicates();
        assertInOrder(text, names);
    }

    // ---- conventions to print --------------------------------------------------------------------

    @Test
    void theConventionsToPrintComeInSigningOrderAsManyTimesAsOriginals() throws Exception {
        var written = export(EnumSet.of(CeremonyDocument.PRINT), 2, Set.of(), dir);
        assertThat(written.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("Conventions à imprimer 2026-03-17.pdf");
        Path pdf = written.files().getFirst();
        Conformance.assertAccessiblePdf(pdf);
        String text = pdf(pdf);
        List<CeremonyItem> items = items();
        List<String> originals = new ArrayList<>();
        for (CeremonyItem item : items) {
            originals.add("Original 1 sur 2 — convention " + item.reference());
            originals.add(item.companyName());
            originals.add("Original 2 sur 2 — convention " + item.reference());
            originals.add(item.companyName());
        }
        assertInOrder(text, originals);
        assertThat(text).doesNotContain("{{", "}}", "Original 3 sur", "Original 1 sur 1")
                .contains("prend effet le 01/04/2026");
        // as many pages as twice each convention printed alone, give or take a page for each original's line
        int alone = 0;
        for (CeremonyItem item : items) {
            Path one = documents.exportConventionToSign(item.conventionId(), Set.of(Format.PDF),
                    Files.createDirectories(dir.resolve("seule")), DocumentService.Progress.NONE).files().getFirst();
            alone += Conformance.pdfPages(one);
        }
        assertThat(alone).isGreaterThanOrEqualTo(items.size());
        assertThat(Conformance.pdfPages(pdf)).isBetween(2 * alone, 2 * alone + 2 * items.size());
    }

    @Test
    void aConventionThatCannotBeFilledStopsEveryDocument() throws Exception {
        UUID untitled = readyConventionOf(UNTITLED);
        ceremonies.add(ceremony.id(), List.of(untitled));
        CeremonyItem hotel = items().getLast();
        assertThat(hotel.companyName()).isEqualTo(UNTITLED);

        assertThatThrownBy(() -> export(EnumSet.allOf(CeremonyDocument.class), 2, EnumSet.allOf(Format.class), dir))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("doc.ceremony.printProblems");
                    assertThat(e.args().getFirst()).isEqualTo(1);
                    String message = i18n.format(e.messageKey(), e.args().toArray());
                    assertThat(message).startsWith("Une convention ne peut pas être imprimée ; rien n’a été écrit :")
                            .contains("• " + hotel.reference() + " (" + UNTITLED + ") : ",
                                    "n’a pas de fonction : elle figure sous sa signature");
                    for (CeremonyItem complete : items().subList(0, 4)) {
                        assertThat(message).doesNotContain(complete.reference());
                    }
                });
        assertThat(filesIn(dir)).isEmpty();

        // without the conventions to print, the other documents are produced
        var written = export(EnumSet.of(CeremonyDocument.DOSSIER, CeremonyDocument.TENTS), 2, Set.of(), dir);
        assertThat(written.files()).hasSize(2);
        assertThat(pdf(written.files().getFirst())).contains("5 entreprises s’engagent : ", "5. " + UNTITLED);
    }

    // ---- press list ------------------------------------------------------------------------------

    @Test
    void thePressListHasARowPerSignatory() throws Exception {
        var written = export(EnumSet.of(CeremonyDocument.PRESS), 1, EnumSet.of(Format.ODS, Format.CSV, Format.PDF), dir);
        assertThat(written.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("Signataires pour la presse 2026-03-17.ods", "Signataires pour la presse 2026-03-17.csv");
        List<CeremonyItem> items = items();

        String csv = Files.readString(written.files().get(1));
        assertThat(csv).startsWith("\uFEFF");
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(';').ofCsvRecord(csv.substring(1))) {
            reader.forEach(r -> rows.add(r.getFields()));
        }
        assertThat(rows.getFirst()).containsExactly("Ordre", "Entreprise", "Signataire", "Qualité", "Organisation",
                "Signe pour", "Réponse", "Intercommunalité (EPCI)", "Référence");
        List<List<String>> expected = new ArrayList<>();
        int rank = 1;
        for (CeremonyItem item : items) {
            for (CeremonySignatory s : item.signatories()) {
                expected.add(List.of(Integer.toString(rank), item.companyName(), s.fullName(), s.jobTitle(),
                        s.organisationName(), i18n.label(s.role()), i18n.label(s.attendance()), item.epciName(),
                        item.reference()));
            }
            rank++;
        }
        assertThat(rows.subList(1, rows.size())).containsExactlyElementsOf(expected);
        assertThat(rows).hasSize(1 + items.stream().mapToInt(i -> i.signatories().size()).sum());
        // what the fixture set up, in words
        assertThat(rows).contains(
                List.of("3", "Assurances Mutuelles de l'Est Comtois", items.get(2).signatories().stream()
                                .filter(s -> s.role() == SignatoryRole.COMPANY).findFirst().orElseThrow().fullName(),
                        items.get(2).signatories().stream().filter(s -> s.role() == SignatoryRole.COMPANY)
                                .findFirst().orElseThrow().jobTitle(), "Assurances Mutuelles de l'Est Comtois",
                        "Entreprise", "Excusé", items.get(2).epciName(), items.get(2).reference()));
        assertThat(rows).filteredOn(r -> r.get(0).equals("2")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get(6)).isEqualTo("Présent"));
        assertThat(rows).filteredOn(r -> r.get(0).equals("1")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get(6)).isEqualTo("Confirmé"));
        assertThat(rows).filteredOn(r -> r.get(0).equals("4")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get(6)).isEqualTo("Invité"));
        assertThat(rows).filteredOn(r -> r.get(5).equals("Préfet")).hasSize(4);
        // the reference, a code, as it is (« 25-2026-003 », not a number or a date)
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r.get(8)).matches("25-2026-0\\d\\d"));
        assertThat(items.getFirst().epciName()).isNotEmpty();

        Path ods = written.files().get(0);
        Conformance.assertValidOdf(ods);
        String odsText = flat(Conformance.odfText(ods));
        assertThat(odsText).contains("Signataire", "Réponse", "Excusé", "Présent", items.getFirst().reference());
        for (List<String> row : expected) {
            assertThat(odsText).contains(row.get(2));
        }
        String content = odsContent(ods);
        assertThat(content).contains("<text:p>" + items.getFirst().reference() + "</text:p>");
        assertThat(content).doesNotContainPattern("office:value-type=\"float\"[^>]*>\\s*<text:p>25-2026");
    }

    private static String odsContent(Path ods) throws IOException {
        try (var zip = new java.util.zip.ZipFile(ods.toFile())) {
            return new String(zip.getInputStream(zip.getEntry("content.xml")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void withoutSpreadsheetFormatThePressListIsAnOds() throws Exception {
        var written = export(EnumSet.of(CeremonyDocument.PRESS), 1, EnumSet.of(Format.ODT), dir);
        assertThat(written.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("Signataires pour la presse 2026-03-17.ods");
    }

    // ---- refusals and cancellation ---------------------------------------------------------------

    @Test
    void anEmptyCeremonyHasNoDocument() throws Exception {
        Ceremony empty = ceremonies.save(new Ceremony(RecordMeta.fresh(), "Cérémonie de juin", DAY.plusMonths(3), null,
                PLACE, HOST, "", "", "", null, List.of(), List.of()));
        assertThatThrownBy(() -> documents.exportCeremony(empty.id(), EnumSet.allOf(CeremonyDocument.class), 1,
                EnumSet.allOf(Format.class), dir, DocumentService.Progress.NONE))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("doc.ceremony.empty");
                    assertThat(e.args()).containsExactly("Cérémonie de juin");
                });
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void between1And20Originals() throws Exception {
        for (int originals : new int[] {0, 21, -1}) {
            assertThatThrownBy(() -> export(EnumSet.allOf(CeremonyDocument.class), originals,
                    EnumSet.allOf(Format.class), dir))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("doc.ceremony.originals");
                        assertThat(e.args()).containsExactly(originals);
                    });
            assertThat(filesIn(dir)).isEmpty();
        }
        String text = pdf(export(EnumSet.of(CeremonyDocument.PRINT), 20, Set.of(), dir).files().getFirst());
        assertThat(text).contains("Original 20 sur 20 — convention " + items().getLast().reference())
                .doesNotContain("Original 21");
    }

    @Test
    void aCancelledExportLeavesNoFile() throws Exception {
        DocumentService.Progress cancelled = new DocumentService.Progress() {
            @Override
            public boolean cancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> documents.exportCeremony(ceremony.id(), EnumSet.allOf(CeremonyDocument.class), 2,
                EnumSet.allOf(Format.class), dir, cancelled))
                .isInstanceOf(RuleViolationException.class).hasMessage("doc.error.cancelled");
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void cancellingAtTheLastFileTakesBackTheOthers() throws Exception {
        List<String> steps = new ArrayList<>();
        DocumentService.Progress cancelAtThePressList = new DocumentService.Progress() {
            @Override
            public void step(int done, int total, String what) {
                steps.add(what);
            }

            @Override
            public boolean cancelled() {
                return steps.stream().anyMatch(s -> s.endsWith(".csv"));
            }
        };
        assertThatThrownBy(() -> documents.exportCeremony(ceremony.id(), EnumSet.allOf(CeremonyDocument.class), 2,
                EnumSet.allOf(Format.class), dir, cancelAtThePressList))
                .isInstanceOf(RuleViolationException.class).hasMessage("doc.error.cancelled");
        // the dossier, the tents, the conventions and the ODS and XLSX press lists had been written
        assertThat(steps).contains("Dossier de cérémonie 2026-03-17.pdf", "Dossier de cérémonie 2026-03-17.odt",
                "Chevalets 2026-03-17.pdf", "Conventions à imprimer 2026-03-17.pdf",
                "Signataires pour la presse 2026-03-17.ods", "Signataires pour la presse 2026-03-17.xlsx",
                "Signataires pour la presse 2026-03-17.csv");
        assertThat(filesIn(dir)).isEmpty();
    }
}
