package fr.ancrage.ui.ceremonies;

import fr.ancrage.domain.Attendance;
import fr.ancrage.domain.Ceremony;
import fr.ancrage.domain.CeremonyClosing;
import fr.ancrage.domain.CeremonyItem;
import fr.ancrage.domain.CeremonyListItem;
import fr.ancrage.domain.CeremonyReopening;
import fr.ancrage.domain.CeremonySignatory;
import fr.ancrage.service.CeremonyService;
import fr.ancrage.ui.common.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The ceremonies screen's state: the ceremonies, the one shown, its conventions in signing order
 * with their signatories' attendance; every change goes to the store in the background, then the
 * lines are read again. A reorder shows at once and is written after.
 */
public final class CeremoniesViewModel {

    private final CeremonyService ceremonies;
    private final TaskRunner tasks;
    private final Consumer<Throwable> onError;

    public final ObservableList<CeremonyListItem> list = FXCollections.observableArrayList();
    public final ObjectProperty<Ceremony> current = new SimpleObjectProperty<>();
    public final ObservableList<CeremonyItem> items = FXCollections.observableArrayList();
    /** The signing order waiting to be written, while an earlier one is being written. */
    private List<CeremonyItem> pendingOrder;
    private boolean writingOrder;

    public CeremoniesViewModel(CeremonyService ceremonies, TaskRunner tasks, Consumer<Throwable> onError) {
        this.ceremonies = ceremonies;
        this.tasks = tasks;
        this.onError = onError;
    }

    public CeremonyService service() {
        return ceremonies;
    }

    /** Reads the list again and shows {@code select} (or the ceremony shown, or the next one to come). */
    public void loadList(UUID select, Runnable then) {
        UUID wanted = select != null ? select : current.get() == null ? null : current.get().id();
        tasks.run(ceremonies::list, found -> {
            list.setAll(found);
            UUID id = wanted != null && found.stream().anyMatch(c -> c.id().equals(wanted)) ? wanted
                    : proposed(found);
            show(id, then);
        }, onError);
    }

    /** The next ceremony not closed, else the latest. */
    private UUID proposed(List<CeremonyListItem> found) {
        return found.stream().filter(c -> !c.closed()).reduce((a, b) -> b).or(() -> found.stream().findFirst())
                .map(CeremonyListItem::id).orElse(null);
    }

    /** Shows this ceremony (null: none) with its conventions. */
    public void show(UUID id, Runnable then) {
        if (id == null) {
            current.set(null);
            items.clear();
            then.run();
            return;
        }
        tasks.run(() -> new Loaded(ceremonies.get(id).orElse(null), ceremonies.items(id)), loaded -> {
            current.set(loaded.ceremony());
            items.setAll(loaded.ceremony() == null ? List.of() : loaded.items());
            then.run();
        }, onError);
    }

    private record Loaded(Ceremony ceremony, List<CeremonyItem> items) {
    }

    public void reloadItems(Runnable then) {
        Ceremony c = current.get();
        if (c != null) {
            tasks.run(() -> ceremonies.items(c.id()), found -> {
                if (current.get() != null && current.get().id().equals(c.id())) {
                    items.setAll(found);
                }
                then.run();
            }, onError);
        }
    }

    public void add(Collection<UUID> conventionIds, Runnable then) {
        Ceremony c = current.get();
        tasks.run(() -> ceremonies.add(c.id(), conventionIds), found -> {
            items.setAll(found);
            then.run();
        }, onError);
    }

    public void remove(CeremonyItem item, Runnable then) {
        tasks.run(() -> {
            ceremonies.remove(item);
            return true;
        }, done -> reloadItems(then), onError);
    }

    /** Moves the line at {@code from} to {@code to} in the signing order (drag and drop, Alt+↑/↓). */
    public boolean move(int from, int to) {
        if (from < 0 || from >= items.size() || to < 0 || to >= items.size() || from == to) {
            return false;
        }
        List<CeremonyItem> order = new ArrayList<>(items);
        order.add(to, order.remove(from));
        items.setAll(order);
        // one write at a time: quick moves are stored in the order they were made, the last one wins
        pendingOrder = List.copyOf(order);
        if (!writingOrder) {
            writeOrder(current.get().id());
        }
        return true;
    }

    private void writeOrder(UUID ceremony) {
        List<CeremonyItem> order = pendingOrder;
        pendingOrder = null;
        writingOrder = true;
        tasks.run(() -> ceremonies.reorder(ceremony, order), stored -> {
            // the next move was made on the lines as they were shown: it carries their new versions
            if (pendingOrder != null) {
                Map<UUID, CeremonyItem> byId = new HashMap<>();
                stored.forEach(i -> byId.put(i.id(), i));
                pendingOrder = pendingOrder.stream().map(i -> byId.getOrDefault(i.id(), i)).toList();
            }
            afterOrderWritten(ceremony);
        }, error -> {
            pendingOrder = null;
            onError.accept(error);
            afterOrderWritten(ceremony);
        });
    }

    private void afterOrderWritten(UUID ceremony) {
        writingOrder = false;
        if (pendingOrder != null) {
            writeOrder(ceremony);
        } else {
            reloadItems(() -> { });
        }
    }

    /** Records the attendance of these signatories and shows it at once. */
    public void setAttendance(Collection<CeremonySignatory> signatories, Attendance attendance, Runnable then) {
        Ceremony c = current.get();
        if (c == null || signatories.isEmpty()) {
            return;
        }
        List<CeremonySignatory> seen = List.copyOf(signatories);
        tasks.run(() -> {
            ceremonies.setAttendance(c.id(), seen, attendance);
            return true;
        }, done -> reloadItems(then), error -> {
            onError.accept(error);
            reloadItems(then);
        });
    }

    public void close(Consumer<CeremonyClosing> then) {
        Ceremony c = current.get();
        tasks.run(() -> ceremonies.close(c.id()), closing -> {
            current.set(closing.ceremony());
            loadList(c.id(), () -> then.accept(closing));
        }, onError);
    }

    public void reopen(boolean pastConfirmed, Consumer<CeremonyReopening> then) {
        Ceremony c = current.get();
        tasks.run(() -> ceremonies.reopen(c.id(), pastConfirmed), reopening -> {
            current.set(reopening.ceremony());
            loadList(c.id(), () -> then.accept(reopening));
        }, onError);
    }

    public void save(Ceremony c, Consumer<Ceremony> saved, Consumer<Throwable> refused) {
        tasks.run(() -> ceremonies.save(c), s -> {
            current.set(s);
            loadList(s.id(), () -> saved.accept(s));
        }, refused);
    }

    /** Why the store would refuse to delete the ceremony shown, read before the user is asked. */
    public void deletionRefusal(java.util.function.Consumer<java.util.Optional<fr.ancrage.domain.RuleViolationException>> then) {
        Ceremony c = current.get();
        tasks.run(() -> ceremonies.deletionRefusal(c), then, onError);
    }

    public void delete(Runnable then) {
        Ceremony c = current.get();
        tasks.run(() -> {
            ceremonies.delete(c);
            return true;
        }, done -> {
            current.set(null);
            loadList(null, then);
        }, onError);
    }

    public boolean closed() {
        return current.get() != null && current.get().closed();
    }
}
