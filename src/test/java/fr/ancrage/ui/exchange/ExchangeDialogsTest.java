package fr.ancrage.ui.exchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.ExchangeRepository;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.TestFigures;
import fr.ancrage.service.BaseIdentityService;
import fr.ancrage.service.exchange.Decisions;
import fr.ancrage.service.exchange.ExchangeScope;
import fr.ancrage.service.exchange.ExchangeService;
import fr.ancrage.service.exchange.ImportPlan;
import fr.ancrage.ui.main.UiHarness;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static fr.ancrage.persistence.jooq.Tables.CONVENTION;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_TARGET;
import static fr.ancrage.persistence.jooq.Tables.INDICATOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prefecture's base (the window) receives the packages of a delegate's base (beside it): the
 * import's preview, a target changed on both sides answered « Prendre le leur », the result and its
 * report, the history; a damaged package refused with its French message; Escape writing nothing;
 * a package sent from the Documents screen.
 */
@ExtendWith(ApplicationExtension.class)
class ExchangeDialogsTest {

    private static final String DELEGATE = "Délégué du préfet — Besançon Nord";

    private UiHarness app;
    private OtherBase delegate;
    private Store here;
    private ExchangeService hereExchange;
    private Path first;
    private final List<String> initialNames = new ArrayList<>();

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) throws Exception {
        app = new UiHarness();
        here = new Store(app.database.dsl());
        new BaseIdentityService(here, java.time.Clock.systemUTC()).rename("Préfecture du Doubs");
        hereExchange = new ExchangeService(here, UiHarness.CLOCK, I18n.forLanguage("fr"));
        delegate = new OtherBase(DELEGATE);
        // the prefecture has imported the delegate's whole base once
        first = dir.resolve("premier.zip");
        delegate.exchange.export(ExchangeScope.wholeBase(), first, () -> false);
        ImportPlan preview = hereExchange.preview(first);
        hereExchange.importPackage(first, Decisions.keepMine(), preview);
        app.start(stage);
    }

    @AfterEach
    void close() {
        app.close();
        delegate.close();
    }

    private void choose(FxRobot robot, Path pkg, Path report) {
        robot.interact(() -> app.shell.documentsView().useFileChoice((owner, purpose, name) -> {
            initialNames.add(name);
            return Optional.of(purpose == FileChoice.Purpose.OPEN_PACKAGE ? pkg : report);
        }));
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void waitFor(FxRobot robot, String id) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(id).tryQuery()
                .map(n -> n instanceof Label l ? !l.getText().isEmpty() : n.isVisible()).orElse(false));
    }

    /** The cells of a counts table's line for {@code kind}: new, updated, unchanged, deleted, conflicts. */
    private static List<Object> countsOf(FxRobot robot, String table, String kind) {
        @SuppressWarnings("unchecked")
        TableView<Object[]> t = robot.lookup(table).queryAs(TableView.class);
        return t.getItems().stream().filter(r -> r[0].equals(kind)).findFirst().map(r -> List.of(r).subList(1, 6))
                .orElseThrow();
    }

    @Test
    void aTargetChangedOnBothSidesIsShownAnsweredTakeTheirsAndWritten(FxRobot robot) throws Exception {
        var target = app.database.dsl().selectFrom(ENGAGEMENT_TARGET).orderBy(ENGAGEMENT_TARGET.ENGAGEMENT_ID,
                ENGAGEMENT_TARGET.INDICATOR_ID, ENGAGEMENT_TARGET.YEAR_NUMBER).limit(1).fetchSingle();
        UUID engagement = target.getEngagementId();
        UUID convention = app.database.dsl().select(ENGAGEMENT.CONVENTION_ID).from(ENGAGEMENT)
                .where(ENGAGEMENT.ID.eq(engagement)).fetchSingle().value1();
        String indicator = app.database.dsl().select(INDICATOR.NAME).from(INDICATOR)
                .where(INDICATOR.ID.eq(target.getIndicatorId())).fetchSingle().value1();
        String before = target.getTargetValue().stripTrailingZeros().toPlainString();
        // the prefecture sets the target to 10; the delegate to 12, and changes the convention's end date
        setTarget(app.database.dsl(), target, "10");
        setTarget(delegate.db.dsl(), target, "12");
        LocalDate end = LocalDate.of(2031, 12, 31);
        delegate.db.dsl().update(CONVENTION).set(CONVENTION.END_DATE, end)
                .set(CONVENTION.VERSION, CONVENTION.VERSION.plus(1)).where(CONVENTION.ID.eq(convention)).execute();
        TestFigures.rebuild(app.database.dsl());
        TestFigures.rebuild(delegate.db.dsl());
        Path second = dir.resolve("second.zip");
        delegate.exchange.export(ExchangeScope.wholeBase(), second, () -> false);
        Path report = dir.resolve("rapport.txt");
        choose(robot, second, report);

        robot.clickOn("#nav-documents");
        robot.clickOn("#importPackageButton");
        waitFor(robot, "#importTotals");
        assertThat(text(robot, "#importFrom")).isEqualTo("Paquet de « " + DELEGATE
                + " », fait le 22/11/2026 à 11:00. Contenu : toute la base.");
        assertThat(text(robot, "#importTotals")).startsWith("Aucun nouveau, 1 modifié, ").contains("aucun supprimé, 1 conflit.")
                .contains("Un enregistrement a été modifié des deux côtés");
        // the conflicts are shown first
        TabPane tabs = robot.lookup("#importTabs").queryAs(TabPane.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Conflits (1)");
        robot.clickOn("Résumé");
        // the convention's end date is taken without a question
        assertThat(countsOf(robot, "#importCounts", "Convention")).containsExactly(0, 1, 54, 0, 0);
        assertThat(countsOf(robot, "#importCounts", "Engagement").get(4)).isEqualTo(1);
        robot.clickOn("Conflits (1)");
        // field by field: here, in the package, before
        String year = String.valueOf(target.getYearNumber());
        assertThat(text(robot, "#conflictField0_0")).isEqualTo("Objectif " + indicator + " " + year);
        assertThat(text(robot, "#conflictHere0_0")).isEqualTo("10");
        assertThat(text(robot, "#conflictPackage0_0")).isEqualTo("12");
        assertThat(text(robot, "#conflictBefore0_0")).isEqualTo(before.replace('.', ','));
        assertThat(robot.lookup("#conflictKeep0_0").queryAs(RadioButton.class).isSelected()).isTrue();
        // nothing is written before « Importer »
        assertThat(targetValue(app, target)).isEqualByComparingTo("10");

        robot.clickOn("#conflictTake0_0");
        robot.clickOn("#importButton");
        waitFor(robot, "#importDone");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#importDone")).isEqualTo("Import terminé : aucun nouvel enregistrement, 1 modifié, "
                + "aucun supprimé, 1 conflit tranché.");
        assertThat(countsOf(robot, "#importResultCounts", "Convention")).containsExactly(0, 1, 54, 0, 0);
        assertThat(targetValue(app, target)).isEqualByComparingTo("12");
        assertThat(app.database.dsl().select(CONVENTION.END_DATE).from(CONVENTION).where(CONVENTION.ID.eq(convention))
                .fetchSingle().value1()).isEqualTo(end);
        String shown = robot.lookup("#exchangeReport").queryAs(TextArea.class).getText();
        assertThat(shown).contains("ici « 10 », dans le paquet « 12 » ; gardé : « 12 »");

        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#saveReportButton");
        waitFor(robot, "#reportSaved");
        assertThat(text(robot, "#reportSaved")).isEqualTo("Rapport enregistré : " + report.toAbsolutePath());
        assertThat(Files.readString(report, StandardCharsets.UTF_8)).isEqualTo(shown);
        assertThat(initialNames).contains("rapport-import-2026-11-22-delegue-du-prefet-besancon-nord.txt");
        robot.clickOn("#importCloseButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#importDialog").tryQuery().isEmpty());

        // the same package again: nothing to change, and said so
        robot.clickOn("#importPackageButton");
        waitFor(robot, "#importTotals");
        assertThat(text(robot, "#importNothing")).isEqualTo("Rien à changer : cette base a déjà tout ce que contient "
                + "ce paquet.");
        assertThat(text(robot, "#importAlready")).startsWith("Ce paquet a déjà été importé le 22/11/2026 à 11:00");
        robot.type(KeyCode.ESCAPE);
    }

    /**
     * The prefecture moves a convention's start late, the delegate its end early: the preview asks
     * for both dates and says why; answers that still cross are refused above the preview, the
     * base unchanged, and the user can answer again.
     */
    @Test
    void datesThatWouldCrossOnceMergedAreAskedWithTheRule(FxRobot robot) throws Exception {
        // one of the delegate's conventions, which the prefecture has since the first import
        var c = delegate.db.dsl().selectFrom(CONVENTION).where(CONVENTION.START_DATE.isNotNull())
                .and(CONVENTION.END_DATE.isNotNull()).and(CONVENTION.SIGNATURE_DATE.isNotNull())
                .and(CONVENTION.END_DATE.gt(CONVENTION.START_DATE.plus(800)))
                .orderBy(CONVENTION.REFERENCE).limit(1).fetchSingle();
        assertThat(app.database.dsl().fetchExists(CONVENTION, CONVENTION.ID.eq(c.getId()))).isTrue();
        LocalDate lateStart = c.getEndDate().minusMonths(6);
        LocalDate earlyEnd = c.getStartDate().plusYears(1);
        app.database.dsl().update(CONVENTION).set(CONVENTION.START_DATE, lateStart)
                .set(CONVENTION.VERSION, CONVENTION.VERSION.plus(1)).where(CONVENTION.ID.eq(c.getId())).execute();
        delegate.db.dsl().update(CONVENTION).set(CONVENTION.END_DATE, earlyEnd)
                .set(CONVENTION.VERSION, CONVENTION.VERSION.plus(1)).where(CONVENTION.ID.eq(c.getId())).execute();
        Path second = dir.resolve("dates.zip");
        delegate.exchange.export(ExchangeScope.wholeBase(), second, () -> false);
        choose(robot, second, dir.resolve("rapport.txt"));

        robot.clickOn("#nav-documents");
        robot.clickOn("#importPackageButton");
        waitFor(robot, "#importTotals");
        assertThat(text(robot, "#importTotals")).contains("1 conflit");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("Conflits (1)").tryQuery().isPresent());
        robot.clickOn("Conflits (1)");
        assertThat(text(robot, "#conflictRule0")).startsWith("Chaque base a modifié de son côté la date ou le statut")
                .contains("La date de fin doit être postérieure à la date de début.");
        assertThat(text(robot, "#conflictField0_0")).isEqualTo("Date de fin");
        assertThat(text(robot, "#conflictHere0_0")).isEqualTo(c.getEndDate().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        assertThat(text(robot, "#conflictPackage0_0")).isEqualTo(earlyEnd.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        assertThat(text(robot, "#conflictField0_1")).isEqualTo("Date de début");

        // the package's end with this base's start: refused, said above the preview, nothing written
        robot.clickOn("#conflictTake0_0");
        robot.clickOn("#importButton");
        waitFor(robot, "#importProblem");
        assertThat(text(robot, "#importProblem")).contains("serait incohérente").contains("Rien n’a été importé");
        assertThat(app.database.dsl().select(CONVENTION.END_DATE).from(CONVENTION).where(CONVENTION.ID.eq(c.getId()))
                .fetchSingle().value1()).isEqualTo(c.getEndDate());

        // both of this base's dates: written
        robot.clickOn("#conflictKeep0_0");
        robot.clickOn("#importButton");
        waitFor(robot, "#importDone");
        assertThat(app.database.dsl().select(CONVENTION.START_DATE).from(CONVENTION).where(CONVENTION.ID.eq(c.getId()))
                .fetchSingle().value1()).isEqualTo(lateStart);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#importCloseButton").tryQuery().isPresent());
        robot.clickOn("#importCloseButton");
    }

    @Test
    void theHistoryListsTheImportAndShowsItsReport(FxRobot robot) throws Exception {
        robot.clickOn("#nav-documents");
        robot.clickOn("#exchangeHistoryButton");
        waitFor(robot, "#exchangeHistoryBase");
        assertThat(text(robot, "#exchangeHistoryBase")).isEqualTo("Cette base : « Préfecture du Doubs »");
        @SuppressWarnings("unchecked")
        TableView<ExchangeRepository.LogEntry> log = robot.lookup("#exchangeHistory").queryAs(TableView.class);
        assertThat(log.getItems()).hasSize(1);
        List<String> cells = new ArrayList<>();
        log.getColumns().forEach(c -> cells.add(String.valueOf(c.getCellData(0))));
        int total = OtherBase.dump(delegate.store).values().stream().mapToInt(Map::size).sum();
        assertThat(cells).containsExactly("22/11/2026 à 11:00", "Reçu", DELEGATE, "toute la base",
                fr.ancrage.ui.common.Formats.integer(total), "Importé");
        @SuppressWarnings("unchecked")
        TableView<ExchangeService.Peer> peers = robot.lookup("#exchangePeers").queryAs(TableView.class);
        List<String> peer = new ArrayList<>();
        peers.getColumns().forEach(c -> peer.add(String.valueOf(c.getCellData(0))));
        assertThat(peer).containsExactly(DELEGATE, "jamais", "22/11/2026 à 11:00");

        // the latest line is selected: its report is one click (or Enter) away
        assertThat(log.getSelectionModel().getSelectedIndex()).isZero();
        assertThat(robot.lookup("#viewReportButton").queryAs(Button.class).isDisabled()).isFalse();
        robot.clickOn("#viewReportButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#exchangeReportDialog #exchangeReport")
                .match(org.testfx.util.NodeQueryUtils.isVisible()).tryQuery().isPresent());
        assertThat(robot.lookup("#exchangeReportDialog #exchangeReport").queryAs(TextArea.class).getText())
                .startsWith("Import du paquet de « " + DELEGATE + " »");
        robot.type(KeyCode.ESCAPE);
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void aDamagedPackageIsRefusedWithItsFrenchMessageAndNothingIsWritten(FxRobot robot) throws Exception {
        Path damaged = withInvalidDate(first, dir.resolve("abime.zip"));
        var before = OtherBase.dump(here);
        int history = hereExchange.history().size();
        choose(robot, damaged, dir.resolve("r.txt"));
        robot.clickOn("#nav-documents");
        robot.clickOn("#importPackageButton");
        waitFor(robot, "#importRefused");
        assertThat(text(robot, "#importProblem")).isEmpty();
        assertThat(text(robot, "#importRefused")).startsWith("Paquet refusé : donnees/conventions.json #1 (")
                .endsWith("champ « endDate » : date invalide. Rien n’a été importé.");
        assertThat(robot.lookup("#importButton").tryQuery()).isEmpty();
        assertThat(robot.lookup("#importCloseButton").queryAs(Button.class).isDefaultButton()).isTrue();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#importDialog").tryQuery().isEmpty());
        assertThat(OtherBase.dump(here)).isEqualTo(before);
        assertThat(hereExchange.history()).hasSize(history);
    }

    /**
     * The delegate retitles a convention and sends its whole base; its import is opened with
     * Ctrl+Maj+I from the screen shown (the dashboard) and read. The convention's id.
     */
    private UUID openRetitled(FxRobot robot) throws Exception {
        UUID convention = delegate.db.dsl().select(CONVENTION.ID).from(CONVENTION).orderBy(CONVENTION.ID).limit(1)
                .fetchSingle().value1();
        delegate.db.dsl().update(CONVENTION).set(CONVENTION.TITLE, "Titre changé par le délégué")
                .set(CONVENTION.VERSION, CONVENTION.VERSION.plus(1)).where(CONVENTION.ID.eq(convention)).execute();
        Path changes = dir.resolve("changes.zip");
        delegate.exchange.export(ExchangeScope.wholeBase(), changes, () -> false);
        choose(robot, changes, dir.resolve("r.txt"));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.I).release(KeyCode.I, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(robot, "#importTotals");
        return convention;
    }

    @Test
    void escapeOnThePreviewWritesNothing(FxRobot robot) throws Exception {
        var before = OtherBase.dump(here);
        openRetitled(robot);
        assertThat(text(robot, "#importTotals")).startsWith("Aucun nouveau, 1 modifié,");
        // « Annuler » is the default button: neither Enter nor Escape imports
        Button cancel = robot.lookup("#importCancelButton").queryAs(Button.class);
        assertThat(cancel.isDefaultButton()).isTrue();
        assertThat(robot.lookup("#importButton").queryAs(Button.class).isDefaultButton()).isFalse();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#importDialog").tryQuery().isEmpty());
        assertThat(OtherBase.dump(here)).isEqualTo(before);
        assertThat(hereExchange.history()).hasSize(1);
    }

    @Test
    void escapeWhileTheImportIsWrittenStopsItWithNothingWritten(FxRobot robot) throws Exception {
        var before = OtherBase.dump(here);
        UUID convention = openRetitled(robot);

        // the import waits a moment before working, as on a slow laptop: Escape meanwhile stops it
        WaitForAsyncUtils.waitForFxEvents();
        app.slowTasks.delay(1_500);
        robot.clickOn("#importButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#importReading").query().isVisible());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".label").queryAllAs(Label.class).stream().map(Label::getText))
                .contains("Arrêt de l’import… rien ne sera écrit dans la base.");
        waitFor(robot, "#importProblem");
        assertThat(text(robot, "#importProblem")).isEqualTo("L’import a été annulé : rien n’a été écrit dans la base.");
        // the dialog stays on the preview; nothing was written
        assertThat(robot.lookup("#importTabs").query().isVisible()).isTrue();
        assertThat(OtherBase.dump(here)).isEqualTo(before);
        assertThat(hereExchange.history()).hasSize(1);

        // « Importer » again, left to run: written whole
        app.slowTasks.delay(0);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#importButton");
        waitFor(robot, "#importDone");
        assertThat(app.database.dsl().select(CONVENTION.TITLE).from(CONVENTION).where(CONVENTION.ID.eq(convention))
                .fetchSingle().value1()).isEqualTo("Titre changé par le délégué");
        assertThat(hereExchange.history()).hasSize(2);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#importDialog").tryQuery().isEmpty());
    }

    @Test
    void thePrefectureSendsItsWholeBaseFromTheDocumentsScreen(FxRobot robot) throws Exception {
        Path out = dir.resolve("envoi.zip");
        choose(robot, dir.resolve("unused.zip"), out);
        robot.clickOn("#nav-documents");
        robot.clickOn("#exchangeExportButton");
        // the dialog's window is showing (its buttons can be clicked), not only built
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#exchangeSaveButton")
                .match(org.testfx.util.NodeQueryUtils.isVisible()).tryQuery().isPresent());
        assertThat(robot.lookup("#exchangeScopeBase").queryAs(RadioButton.class).isSelected()).isTrue();
        // the delegate's base is known (its package was imported): its changes can be sent to it
        assertThat(robot.lookup("#exchangeScopeChanges").queryAs(RadioButton.class).isDisabled()).isFalse();
        robot.clickOn("#exchangeSaveButton");
        waitFor(robot, "#exchangeExportDone");
        assertThat(initialNames).containsExactly("echange-2026-11-22-base.zip");
        int total = OtherBase.dump(here).values().stream().mapToInt(Map::size).sum();
        assertThat(text(robot, "#exchangeExportDone")).isEqualTo("Paquet d’échange écrit : envoi.zip, "
                + fr.ancrage.ui.common.Formats.integer(total) + " enregistrements.");
        assertThat(text(robot, "#exchangeExportFile")).isEqualTo("Fichier : " + out.toAbsolutePath());
        assertThat(robot.lookup("#exchangeOpenFolder").queryAs(Button.class).isVisible()).isTrue();
        assertThat(out).exists();
        // the delegate's base can read it
        assertThat(delegate.exchange.preview(out).conflictCount()).isZero();
        assertThat(hereExchange.history().getFirst().direction()).isEqualTo("EXPORT");
        robot.type(KeyCode.ESCAPE);
    }

    private static void setTarget(org.jooq.DSLContext dsl, fr.ancrage.persistence.jooq.tables.records.EngagementTargetRecord t,
                                  String value) {
        dsl.update(ENGAGEMENT_TARGET).set(ENGAGEMENT_TARGET.TARGET_VALUE, new BigDecimal(value))
                .where(ENGAGEMENT_TARGET.ENGAGEMENT_ID.eq(t.getEngagementId()))
                .and(ENGAGEMENT_TARGET.INDICATOR_ID.eq(t.getIndicatorId()))
                .and(ENGAGEMENT_TARGET.YEAR_NUMBER.eq(t.getYearNumber())).execute();
        dsl.update(ENGAGEMENT).set(ENGAGEMENT.VERSION, ENGAGEMENT.VERSION.plus(1))
                .where(ENGAGEMENT.ID.eq(t.getEngagementId())).execute();
    }

    private static BigDecimal targetValue(UiHarness app,
                                          fr.ancrage.persistence.jooq.tables.records.EngagementTargetRecord t) {
        return app.database.dsl().select(ENGAGEMENT_TARGET.TARGET_VALUE).from(ENGAGEMENT_TARGET)
                .where(ENGAGEMENT_TARGET.ENGAGEMENT_ID.eq(t.getEngagementId()))
                .and(ENGAGEMENT_TARGET.INDICATOR_ID.eq(t.getIndicatorId()))
                .and(ENGAGEMENT_TARGET.YEAR_NUMBER.eq(t.getYearNumber())).fetchSingle().value1();
    }

    /**
     * A copy of {@code source} whose first convention has an end date that does not exist, the
     * manifest's size and checksum made to match: only the check of the records can refuse it.
     */
    private static Path withInvalidDate(Path source, Path target) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(source))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        String path = "donnees/conventions.json";
        String json = new String(entries.get(path), StandardCharsets.UTF_8);
        String damaged = json.replaceFirst("(\"endDate\"\\s*:\\s*\\{\\s*\"value\"\\s*:\\s*\")[^\"]*\"", "$12031-02-30\"");
        assertThat(damaged).isNotEqualTo(json);
        byte[] bytes = damaged.getBytes(StandardCharsets.UTF_8);
        entries.put(path, bytes);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) mapper.readTree(entries.get("manifest.json"));
        manifest.withArray("files").forEach(f -> {
            if (f.get("path").asText().equals(path)) {
                ((ObjectNode) f).put("size", bytes.length);
                try {
                    ((ObjectNode) f).put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(bytes)));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        entries.put("manifest.json", mapper.writeValueAsBytes(manifest));
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(buffer, StandardCharsets.UTF_8)) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return Files.write(target, buffer.toByteArray());
    }
}
