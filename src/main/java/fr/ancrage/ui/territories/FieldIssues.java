package fr.ancrage.ui.territories;

import fr.ancrage.domain.validation.Issue;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The issues of a form, field by field: those the form finds itself, recomputed on each change,
 * plus those the service sent back, kept until the user edits the field.
 */
final class FieldIssues {

    private final Map<String, ReadOnlyObjectWrapper<List<Issue>>> shown = new LinkedHashMap<>();
    private final Map<String, List<Issue>> refused = new HashMap<>();
    private final String other;

    /** @param fields the fields in the order of the form; the last one gathers unknown fields */
    FieldIssues(List<String> fields) {
        fields.forEach(f -> shown.put(f, new ReadOnlyObjectWrapper<>(List.of())));
        other = fields.getLast();
    }

    ReadOnlyObjectProperty<List<Issue>> of(String field) {
        return shown.get(field).getReadOnlyProperty();
    }

    /** Shows the form's own findings for the field, with what the service said about it. */
    void show(String field, List<Issue> local) {
        List<Issue> all = new ArrayList<>(local);
        refused.getOrDefault(field, List.of()).stream().filter(i -> !all.contains(i)).forEach(all::add);
        ReadOnlyObjectWrapper<List<Issue>> property = shown.get(field);
        if (!property.get().equals(all)) {
            property.set(List.copyOf(all));
        }
    }

    /** Keeps what the service refused; call {@link #show} afterwards. */
    void refuse(Map<String, List<Issue>> issues) {
        issues.forEach((field, list) -> refused.merge(shown.containsKey(field) ? field : other, list,
                (a, b) -> Stream.concat(a.stream(), b.stream()).toList()));
    }

    /** The user changed the field: the service's objections to the old value no longer hold. */
    void forget(String field) {
        refused.remove(field);
    }

    Optional<String> firstError() {
        return shown.entrySet().stream().filter(e -> Issue.anyError(e.getValue().get())).map(Map.Entry::getKey)
                .findFirst();
    }
}
