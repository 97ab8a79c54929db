package fr.ancrage.ui.territories;

import fr.ancrage.domain.Text;
import fr.ancrage.ui.common.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A list the user picks from: its items (loaded in the background), a search field that filters
 * them instantly, ignoring accents and case, and the selected item.
 */
public final class SelectableList<T> {

    private final ObservableList<T> items = FXCollections.observableArrayList();
    private final ObservableList<T> readOnlyItems = FXCollections.unmodifiableObservableList(items);
    private final StringProperty filter = new SimpleStringProperty("");
    private final FilteredList<T> visible = new FilteredList<>(items);
    private final ObjectProperty<T> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private long request;

    SelectableList(Function<T, String> searchText) {
        filter.subscribe(query -> visible.setPredicate(matching(query, searchText)));
    }

    /** Items whose text holds every word of the query, accents and case aside; null for no query. */
    static <T> Predicate<T> matching(String query, Function<T, String> text) {
        String key = Text.searchKey(query);
        if (key.isEmpty()) {
            return null;
        }
        String[] words = key.split(" ");
        return item -> {
            String haystack = Text.searchKey(text.apply(item));
            for (String word : words) {
                if (!haystack.contains(word)) {
                    return false;
                }
            }
            return true;
        };
    }

    /**
     * Empties the list and, when {@code work} is given, fills it in the background. An answer that
     * comes after a newer request is dropped, so fast arrow keys never show a stale list.
     */
    void reload(TaskRunner tasks, Callable<List<T>> work, Runnable then, Consumer<Throwable> onFailure) {
        long mine = ++request;
        selected.set(null);
        items.clear();
        loading.set(work != null);
        if (work == null) {
            return;
        }
        tasks.run(work, list -> {
            if (mine == request) {
                loading.set(false);
                items.setAll(list);
                then.run();
            }
        }, e -> {
            if (mine == request) {
                loading.set(false);
            }
            onFailure.accept(e);
        });
    }

    void setAll(List<T> values) {
        request++;
        loading.set(false);
        items.setAll(values);
    }

    /** Selects the first item satisfying the test, if any; true when something is selected. */
    boolean select(Predicate<T> test) {
        items.stream().filter(test).findFirst().ifPresent(selected::set);
        return selected.get() != null && test.test(selected.get());
    }

    /** All items, whatever the filter. */
    public ObservableList<T> items() {
        return readOnlyItems;
    }

    /** The items the filter keeps, for the table. */
    public ObservableList<T> visible() {
        return visible;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<T> selectedProperty() {
        return selected;
    }

    public T selected() {
        return selected.get();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public boolean isLoading() {
        return loading.get();
    }
}
