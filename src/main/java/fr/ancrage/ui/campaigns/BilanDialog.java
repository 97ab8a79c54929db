package fr.ancrage.ui.campaigns;

import fr.ancrage.domain.CampaignReportItem;
import fr.ancrage.domain.ReportingCampaign;
import fr.ancrage.service.ConventionService;
import fr.ancrage.service.EngagementService;
import fr.ancrage.ui.common.UiContext;
import fr.ancrage.ui.engagements.BilanPane;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Works through a campaign company by company: the bilan of one convention for the campaign's
 * year, « Suivante » / « Précédente » (or Ctrl+Page suivante / précédente) to move on. A report
 * whose values were entered is marked « Reçu ».
 */
final class BilanDialog {

    private final UiContext ui;
    private final ConventionService conventions;
    private final ReportingCampaign campaign;
    private final List<CampaignReportItem> items;
    private final BilanPane bilan;
    private final Set<UUID> entered = new HashSet<>();
    private final List<fr.ancrage.domain.CampaignReport> received = new java.util.ArrayList<>();
    private int index;
    private Dialog<Void> dialog;

    BilanDialog(UiContext ui, ConventionService conventions, EngagementService engagements,
                ReportingCampaign campaign, List<CampaignReportItem> items, int start) {
        this.ui = ui;
        this.conventions = conventions;
        this.campaign = campaign;
        this.items = items;
        this.index = start;
        this.bilan = new BilanPane(ui, engagements, () -> dialog.getDialogPane().getScene().getWindow(),
                () -> entered.add(items.get(index).id()));
    }

    /** Shows the dialog; returns the awaited reports whose values were entered (to be marked received). */
    List<fr.ancrage.domain.CampaignReport> showAndWait(Window owner) {
        var i18n = ui.i18n();
        dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setResizable(true);
        dialog.setTitle(i18n.format("campaigns.bilan.title", campaign.year()));
        ButtonType previous = new ButtonType(i18n.get("campaigns.previous"), ButtonBar.ButtonData.OTHER);
        ButtonType next = new ButtonType(i18n.get("campaigns.next"), ButtonBar.ButtonData.OTHER);
        ButtonType close = new ButtonType(i18n.get("action.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(previous, next, close);
        dialog.getDialogPane().setContent(bilan.root());
        dialog.getDialogPane().setPrefSize(980, 600);
        // a dialog is sized from its content's preferred width: make sure the grid of years fits
        dialog.getDialogPane().setMinSize(980, 480);
        var previousButton = dialog.getDialogPane().lookupButton(previous);
        var nextButton = dialog.getDialogPane().lookupButton(next);
        previousButton.setId("bilanPrevious");
        nextButton.setId("bilanNext");
        ((javafx.scene.control.Button) previousButton).setTooltip(new Tooltip(i18n.get("campaigns.previous.key")));
        ((javafx.scene.control.Button) nextButton).setTooltip(new Tooltip(i18n.get("campaigns.next.key")));
        previousButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            move(-1);
        });
        nextButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            move(1);
        });
        dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.PAGE_DOWN) {
                move(1);
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.PAGE_UP) {
                move(-1);
                e.consume();
            }
        });
        show();
        dialog.setOnShown(e -> bilan.table().requestFocus());
        dialog.showAndWait();
        markReceived(items.get(index));
        return received;
    }

    private void move(int step) {
        int target = index + step;
        if (target < 0 || target >= items.size()) {
            return;
        }
        markReceived(items.get(index));
        index = target;
        show();
    }

    private void show() {
        CampaignReportItem item = items.get(index);
        dialog.setHeaderText(ui.i18n().format("campaigns.bilan.header", item.companyName(), item.conventionReference(),
                index + 1, items.size()));
        dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().get(0)).setDisable(index == 0);
        dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().get(1))
                .setDisable(index == items.size() - 1);
        ui.tasks().run(() -> conventions.get(item.report().conventionId()).orElseThrow(), c -> {
            bilan.show(c, campaign.year());
            bilan.table().requestFocus();
        }, error -> ui.dialogs().error(dialog.getDialogPane().getScene().getWindow(), ui.i18n().get("error.title"),
                ui.errors().describe(error)));
    }

    /** Values were entered for an awaited report: it is to be marked received. */
    private void markReceived(CampaignReportItem item) {
        if (entered.remove(item.id()) && item.report().state().awaited()) {
            received.add(item.report());
        }
    }
}
