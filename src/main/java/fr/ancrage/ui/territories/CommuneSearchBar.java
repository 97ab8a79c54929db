package fr.ancrage.ui.territories;

import fr.ancrage.domain.Commune;
import fr.ancrage.domain.Text;
import fr.ancrage.i18n.I18n;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.controlsfx.control.textfield.CustomTextField;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/**
 * The search of a commune across France, above the lists: results show as one types; Enter, a
 * click or Down then Enter shows the commune in its department and EPCI.
 */
final class CommuneSearchBar {

    private final I18n i18n;
    private final TerritoriesViewModel vm;

    CommuneSearchBar(I18n i18n, TerritoriesViewModel vm) {
        this.i18n = i18n;
        this.vm = vm;
    }

    void bind(CustomTextField field, Label status, ListView<Commune> matches, Runnable afterGoTo) {
        field.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        field.textProperty().bindBidirectional(vm.communeSearchProperty());
        matches.setItems(vm.communeMatches());
        matches.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Commune c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : i18n.format("territories.communeSearch.item", c.name(), c.code(),
                        c.postcodes().replace(",", ", "), vm.departmentLabel(c.departmentCode())));
            }
        });
        matches.visibleProperty().bind(vm.communeSearchProperty().isNotEmpty()
                .and(Bindings.isNotEmpty(vm.communeMatches())));
        matches.managedProperty().bind(matches.visibleProperty());
        status.textProperty().bind(Bindings.createStringBinding(this::statusText,
                vm.communeSearchProperty(), vm.communeMatches(), vm.communesLoadedProperty()));

        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !vm.communeMatches().isEmpty()) {
                goTo(vm.communeMatches().getFirst(), afterGoTo);
            } else if (e.getCode() == KeyCode.DOWN && !vm.communeMatches().isEmpty()) {
                matches.getSelectionModel().selectFirst();
                matches.requestFocus();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                field.clear();
            } else {
                return;
            }
            e.consume();
        });
        matches.setOnKeyPressed(e -> {
            Commune c = matches.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && c != null) {
                goTo(c, afterGoTo);
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                field.requestFocus();
                e.consume();
            }
        });
        matches.setOnMouseClicked(e -> {
            Commune c = matches.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && c != null) {
                goTo(c, afterGoTo);
            }
        });
    }

    private void goTo(Commune commune, Runnable afterGoTo) {
        vm.goTo(commune);
        afterGoTo.run();
    }

    private String statusText() {
        String query = vm.communeSearchProperty().get();
        if (query == null || query.isBlank()) {
            return "";
        }
        if (!vm.communesLoadedProperty().get()) {
            return i18n.get("territories.loading");
        }
        if (Text.searchKey(query).length() < CommuneFinder.MIN_QUERY) {
            return i18n.format("territories.communeSearch.tooShort", CommuneFinder.MIN_QUERY);
        }
        int found = vm.communeMatches().size();
        if (found >= TerritoriesViewModel.MAX_MATCHES) {
            return i18n.format("territories.communeSearch.many", TerritoriesViewModel.MAX_MATCHES);
        }
        return found == 0 ? i18n.get("territories.communeSearch.none")
                : i18n.format("territories.communeSearch.count", found);
    }
}
