package fr.ancrage.ui.exchange;

import fr.ancrage.persistence.ExchangeRepository;
import fr.ancrage.service.documents.DocumentService;
import fr.ancrage.service.exchange.ExchangeService;
import fr.ancrage.ui.common.Cells;
import fr.ancrage.ui.common.Dialogs;
import fr.ancrage.ui.common.Formats;
import fr.ancrage.ui.common.UiContext;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * « Historique des échanges » : every package this base made and imported (when, sent or received,
 * which base, what scope, how many records, the result), the last package sent to and received from
 * each base (who is up to date), and the report of each import.
 */
public final class HistoryDialog {

    /** What the dialog shows, read in the background. */
    public record Content(List<ExchangeRepository.LogEntry> history, List<ExchangeService.Peer> peers,
                          Map.Entry<UUID, String> base) {
    }

    private static final Pattern COUNT = Pattern.compile(":\\s*(\\d+)");

    private final UiContext ui;
    private final DocumentService documents;
    private final FileChoice files;

    public HistoryDialog(UiContext ui, DocumentService documents, FileChoice files) {
        this.ui = ui;
        this.documents = documents;
        this.files = files;
    }

    /** Reads the history in the background. */
    public static Content read(ExchangeService exchange) {
        return new Content(exchange.history(), exchange.peers(), exchange.base());
    }

    public void show(Window owner, Content content) {
        var i18n = ui.i18n();
        ExchangeTexts texts = new ExchangeTexts(i18n, ui.clock().getZone(), id -> java.util.Optional.empty());
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(i18n.get("exchange.history.title"));
        dialog.setHeaderText(null);
        dialog.getDialogPane().setId("exchangeHistoryDialog");
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(i18n.get("action.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));

        Label base = new Label(i18n.format("exchange.history.base", texts.baseName(content.base().getValue())));
        base.setId("exchangeHistoryBase");
        base.setWrapText(true);

        TableView<ExchangeService.Peer> peers = new TableView<>();
        peers.setId("exchangePeers");
        peers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        peers.setPlaceholder(Cells.placeholder(i18n.get("exchange.history.noPeer")));
        peers.getColumns().setAll(List.of(
                column(i18n.get("exchange.history.peer"), 320, (ExchangeService.Peer p) -> texts.baseName(p.name())),
                column(i18n.get("exchange.history.lastSent"), 200, (ExchangeService.Peer p) -> p.lastSent() == null
                        ? i18n.get("exchange.history.never") : texts.when(p.lastSent())),
                column(i18n.get("exchange.history.lastReceived"), 200, (ExchangeService.Peer p) -> p.lastReceived() == null
                        ? i18n.get("exchange.history.never") : texts.when(p.lastReceived()))));
        peers.getItems().setAll(content.peers());
        peers.setPrefHeight(120);
        peers.setMinHeight(110); // its header and two bases stay in sight

        TableView<ExchangeRepository.LogEntry> log = new TableView<>();
        log.setId("exchangeHistory");
        log.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        log.setPlaceholder(Cells.placeholder(i18n.get("exchange.history.empty")));
        TableColumn<ExchangeRepository.LogEntry, String> count = column(i18n.get("exchange.history.records"), 125,
                e -> Formats.integer(total(e.counts())));
        Cells.rightAligned(count);
        log.getColumns().setAll(List.of(
                column(i18n.get("exchange.history.when"), 140, (ExchangeRepository.LogEntry e) -> texts.when(e.doneAt())),
                column(i18n.get("exchange.history.direction"), 70, (ExchangeRepository.LogEntry e) -> i18n.get(
                        "EXPORT".equals(e.direction()) ? "exchange.history.sent" : "exchange.history.received")),
                column(i18n.get("exchange.history.peer"), 255, (ExchangeRepository.LogEntry e) ->
                        e.peerName() == null && e.peerId() == null ? "—" : texts.baseName(e.peerName())),
                column(i18n.get("exchange.history.scope"), 120, (ExchangeRepository.LogEntry e) ->
                        e.scopeLabel() == null ? "" : e.scopeLabel()),
                count,
                column(i18n.get("exchange.history.outcome"), 190, this::outcome)));
        // the dates, directions, scopes and counts are short: the bases' names and results take the room
        double[] min = {135, 62, 245, 90, 142, 185};
        for (int i = 0; i < min.length; i++) {
            log.getColumns().get(i).setMinWidth(min[i]);
        }
        log.getItems().setAll(content.history());
        log.getSelectionModel().selectFirst();

        Button view = new Button(i18n.get("exchange.history.viewReport"));
        view.setId("viewReportButton");
        view.setMinWidth(Button.USE_PREF_SIZE);
        view.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            var e = log.getSelectionModel().getSelectedItem();
            return e == null || e.report() == null || e.report().isEmpty();
        }, log.getSelectionModel().selectedItemProperty()));
        view.setOnAction(e -> {
            var entry = log.getSelectionModel().getSelectedItem();
            if (entry != null && entry.report() != null) {
                showReport(dialog.getDialogPane().getScene().getWindow(), entry, texts);
            }
        });
        Cells.onOpen(log, entry -> {
            if (entry.report() != null && !entry.report().isEmpty()) {
                showReport(dialog.getDialogPane().getScene().getWindow(), entry, texts);
            }
        });
        HBox bar = new HBox(8, view);
        bar.setAlignment(Pos.CENTER_LEFT);

        VBox box = new VBox(8, base, heading(i18n.get("exchange.history.peers")), peers,
                heading(i18n.get("exchange.history.packages")), log, bar);
        VBox.setVgrow(log, Priority.ALWAYS);
        box.setPadding(new Insets(10, 12, 4, 12));
        dialog.getDialogPane().setContent(box);
        Dialogs.sizeLarge(dialog, 940, 600);
        dialog.setOnShown(e -> Dialogs.keepCentred(dialog.getDialogPane().getScene().getWindow(), owner));
        Dialogs.focusWhenShown(dialog, log);
        dialog.showAndWait();
    }

    private String outcome(ExchangeRepository.LogEntry e) {
        var i18n = ui.i18n();
        if ("EXPORT".equals(e.direction())) {
            return i18n.get("exchange.history.outcome.sent");
        }
        return i18n.get(switch (e.outcome() == null ? "" : e.outcome()) {
            case "NOTHING" -> "exchange.history.outcome.nothing";
            case "CONFLICTS_ANSWERED" -> "exchange.history.outcome.conflicts";
            default -> "exchange.history.outcome.written";
        });
    }

    private void showReport(Window owner, ExchangeRepository.LogEntry entry, ExchangeTexts texts) {
        var i18n = ui.i18n();
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(i18n.get("exchange.report.heading"));
        d.setHeaderText(i18n.format("exchange.history.reportOf", texts.baseName(entry.peerName()),
                texts.when(entry.doneAt())));
        d.getDialogPane().setId("exchangeReportDialog");
        d.getDialogPane().getButtonTypes().add(new ButtonType(i18n.get("action.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        ReportPane pane = new ReportPane(ui, documents, files);
        pane.show(entry.report(), ReportPane.fileName(entry.doneAt() == null ? LocalDate.now(ui.clock())
                : entry.doneAt().atZone(ui.clock().getZone()).toLocalDate(), entry.peerName()));
        pane.root().setPadding(new Insets(10, 12, 4, 12));
        d.getDialogPane().setContent(pane.root());
        Dialogs.sizeLarge(d, 820, 500);
        d.setOnShown(e -> Dialogs.keepCentred(d.getDialogPane().getScene().getWindow(), owner));
        d.showAndWait();
    }

    /** The number of records of a package, from the counts kept as {"convention":12,...}. */
    static int total(String counts) {
        if (counts == null) {
            return 0;
        }
        int n = 0;
        Matcher m = COUNT.matcher(counts);
        while (m.find()) {
            n += Integer.parseInt(m.group(1));
        }
        return n;
    }

    private static <S> TableColumn<S, String> column(String title, double width, java.util.function.Function<S, String> value) {
        TableColumn<S, String> c = new TableColumn<>(title);
        Cells.text(c, value);
        c.setPrefWidth(width);
        return c;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("conflict-title");
        return l;
    }
}
