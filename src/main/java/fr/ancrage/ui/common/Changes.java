package fr.ancrage.ui.common;

import javafx.beans.Observable;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * What counts as a change in a form: a new value that is not {@code equals} to the previous one.
 * Controls often set a value again on focus loss or when a popup closes (a DatePicker reads its
 * text back into a new {@code LocalDate}, a list is set again with the same elements); an
 * invalidation listener would take that for an edit and mark the form modified.
 */
public final class Changes {

    private Changes() {
    }

    /** Runs {@code action} each time {@code observable} takes a value (or list contents) unequal to the last. */
    public static void onChange(Observable observable, Runnable action) {
        switch (observable) {
            case ObservableList<?> list -> {
                List<Object> last = new ArrayList<>(list);
                list.addListener((Observable x) -> {
                    if (!last.equals(list)) {
                        last.clear();
                        last.addAll(list);
                        action.run();
                    }
                });
            }
            // a change listener is told only of values that are not equal to the previous one
            case ObservableValue<?> value -> value.addListener((obs, old, now) -> action.run());
            default -> observable.addListener(x -> action.run());
        }
    }
}
