package fr.ancrage.ui.catalogue;

import fr.ancrage.domain.ActionType;
import fr.ancrage.ui.catalogue.CatalogueEntry.CategoryEntry;
import fr.ancrage.ui.catalogue.CatalogueEntry.TypeEntry;
import fr.ancrage.ui.catalogue.CatalogueViewModel.Branch;
import fr.ancrage.i18n.I18n;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.skin.VirtualFlow;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The categories and their action types, in catalogue order, following the view model's filtered
 * branches. The selection follows the open entry; a click elsewhere is put back when the user keeps
 * unsaved changes.
 */
final class CatalogueTree {

    private final TreeView<CatalogueEntry> tree;
    private final Label countLabel;
    private final CatalogueViewModel model;
    private final I18n i18n;
    private final Supplier<UUID> openEntry;
    private final TreeItem<CatalogueEntry> root = new TreeItem<>();
    private final Set<UUID> collapsed = new HashSet<>();
    /** True while the tree is rebuilt or a selection is put back: its selection events are not the user's. */
    private boolean quiet;

    /**
     * {@code openEntry}: the id of the entry the form shows; {@code onSelected}: opens what the user
     * selected, false when the user keeps the current form.
     */
    CatalogueTree(TreeView<CatalogueEntry> tree, Label countLabel, CatalogueViewModel model, I18n i18n,
                  Supplier<UUID> openEntry, Predicate<CatalogueEntry> onSelected) {
        this.tree = tree;
        this.countLabel = countLabel;
        this.model = model;
        this.i18n = i18n;
        this.openEntry = openEntry;
        tree.setRoot(root);
        tree.setCellFactory(t -> new EntryCell());
        tree.setAccessibleText(i18n.get("catalogue.tree.accessible"));
        model.branches().addListener((ListChangeListener<Branch>) c -> rebuild());
        tree.getSelectionModel().selectedItemProperty().subscribe((old, now) -> {
            if (quiet || now == null) {
                return;
            }
            if (!onSelected.test(now.getValue())) {
                quiet = true;
                Platform.runLater(() -> select(openEntry.get()));
            }
        });
    }

    /** Gives the keyboard focus to the tree, on its first row when nothing is selected. */
    void focus() {
        tree.requestFocus();
        if (tree.getSelectionModel().isEmpty() && tree.getExpandedItemCount() > 0) {
            tree.getFocusModel().focus(0);
        }
    }

    /** Selects the entry (or nothing), without opening it: the form already shows it. */
    void select(UUID id) {
        quiet = true;
        TreeItem<CatalogueEntry> item = id == null ? null : find(id);
        if (item == null) {
            tree.getSelectionModel().clearSelection();
        } else {
            show(item);
        }
        quiet = false;
    }

    private void rebuild() {
        if (sameShape()) {
            // only names or states changed: update in place, so that the tree neither scrolls nor blinks
            for (int i = 0; i < model.branches().size(); i++) {
                Branch branch = model.branches().get(i);
                TreeItem<CatalogueEntry> category = root.getChildren().get(i);
                category.setValue(new CategoryEntry(branch.category()));
                for (int j = 0; j < branch.types().size(); j++) {
                    category.getChildren().get(j).setValue(new TypeEntry(branch.types().get(j)));
                }
            }
            updateCount();
            return;
        }
        quiet = true;
        boolean searching = !model.searchTextProperty().get().isBlank();
        root.getChildren().clear();
        for (Branch branch : model.branches()) {
            UUID id = branch.category().id();
            TreeItem<CatalogueEntry> category = new TreeItem<>(new CategoryEntry(branch.category()));
            for (ActionType type : branch.types()) {
                category.getChildren().add(new TreeItem<>(new TypeEntry(type)));
            }
            category.setExpanded(searching || !collapsed.contains(id));
            category.expandedProperty().subscribe((was, open) -> {
                if (model.searchTextProperty().get().isBlank()) {
                    if (open) {
                        collapsed.remove(id);
                    } else {
                        collapsed.add(id);
                    }
                }
            });
            root.getChildren().add(category);
        }
        quiet = false;
        select(openEntry.get());
        updateCount();
    }

    /** True when the tree already shows the same entries in the same order. */
    private boolean sameShape() {
        if (root.getChildren().size() != model.branches().size()) {
            return false;
        }
        for (int i = 0; i < model.branches().size(); i++) {
            Branch branch = model.branches().get(i);
            TreeItem<CatalogueEntry> category = root.getChildren().get(i);
            if (!category.getValue().id().equals(branch.category().id())
                    || category.getChildren().size() != branch.types().size()) {
                return false;
            }
            for (int j = 0; j < branch.types().size(); j++) {
                if (!category.getChildren().get(j).getValue().id().equals(branch.types().get(j).id())) {
                    return false;
                }
            }
        }
        return true;
    }

    private TreeItem<CatalogueEntry> find(UUID id) {
        for (TreeItem<CatalogueEntry> category : root.getChildren()) {
            if (category.getValue().id().equals(id)) {
                return category;
            }
            for (TreeItem<CatalogueEntry> type : category.getChildren()) {
                if (type.getValue().id().equals(id)) {
                    return type;
                }
            }
        }
        return null;
    }

    private void show(TreeItem<CatalogueEntry> item) {
        if (item.getParent() != null && item.getParent() != root) {
            item.getParent().setExpanded(true);
        }
        tree.getSelectionModel().select(item);
        int row = tree.getRow(item);
        if (row >= 0 && !onScreen(row)) {
            tree.scrollTo(Math.max(0, row - 3));
        }
    }

    /** True when the row is on screen: the tree then stays where the user left it. */
    private boolean onScreen(int row) {
        if (!(tree.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return false;
        }
        var first = flow.getFirstVisibleCell();
        var last = flow.getLastVisibleCell();
        return first != null && last != null && row > first.getIndex() && row < last.getIndex();
    }

    private void updateCount() {
        int categories = model.branches().size();
        int types = model.branches().stream().mapToInt(b -> b.types().size()).sum();
        countLabel.setText(i18n.format(model.searchTextProperty().get().isBlank()
                ? "catalogue.count" : "catalogue.count.filtered", types, categories));
    }

    /** A category in bold, an action type under it; a deactivated one greyed with « (désactivé) ». */
    private final class EntryCell extends TreeCell<CatalogueEntry> {
        @Override
        protected void updateItem(CatalogueEntry item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("category", "inactive");
            if (empty || item == null) {
                setText(null);
                return;
            }
            setText(item.active() ? item.name() : item.name() + " " + i18n.get(
                    item instanceof CategoryEntry ? "catalogue.inactive.feminine" : "catalogue.inactive.masculine"));
            if (item instanceof CategoryEntry) {
                getStyleClass().add("category");
            }
            if (!item.active()) {
                getStyleClass().add("inactive");
            }
        }
    }
}
