package fr.ancrage.ui.common;

import fr.ancrage.domain.validation.Issue;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The issues a form shows next to its fields, field by field, in the order of the form: set from
 * the rules at each change, or from what the service refused.
 */
public final class FormIssues {

    private final Map<String, ObjectProperty<List<Issue>>> fields = new LinkedHashMap<>();
    private final BooleanBinding hasErrors;

    public FormIssues(List<String> fieldNames) {
        fieldNames.forEach(f -> fields.put(f, new SimpleObjectProperty<>(List.of())));
        hasErrors = Bindings.createBooleanBinding(() -> fields.values().stream().anyMatch(p -> Issue.anyError(p.get())),
                fields.values().toArray(Observable[]::new));
    }

    public ObjectProperty<List<Issue>> of(String field) {
        return fields.get(field);
    }

    /** Every field shows what {@code found} says of it (nothing if it says nothing). */
    public void setAll(Map<String, List<Issue>> found) {
        fields.forEach((field, property) -> property.set(found.getOrDefault(field, List.of())));
    }

    public void clear() {
        fields.values().forEach(p -> p.set(List.of()));
    }

    /**
     * Shows the issues next to the fields the form has; returns the others, and those of
     * {@code withoutField} (a refused status change has no field of its own).
     */
    public Map<String, List<Issue>> show(Map<String, List<Issue>> found, Set<String> withoutField) {
        Map<String, List<Issue>> rest = new LinkedHashMap<>();
        found.forEach((field, list) -> {
            var p = fields.get(field);
            if (p != null && !withoutField.contains(field)) {
                p.set(list);
            } else {
                rest.put(field, list);
            }
        });
        return rest;
    }

    public String firstErrorField() {
        return fields.entrySet().stream().filter(e -> Issue.anyError(e.getValue().get())).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    public BooleanBinding hasErrors() {
        return hasErrors;
    }
}
