package fr.ancrage.domain.exchange;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A record as the exchange sees it: its fields with their clocks, or, once deleted, a tombstone
 * whose clock has seen every change the record had when it was deleted (and its last fields, to
 * show what was deleted).
 */
public record RecordState(UUID id, String kind, Map<String, FieldValue> fields, Clock deleted) {

    public RecordState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        fields = Collections.unmodifiableMap(new TreeMap<>(fields));
    }

    public static RecordState live(UUID id, String kind, Map<String, FieldValue> fields) {
        return new RecordState(id, kind, fields, null);
    }

    public boolean isDeleted() {
        return deleted != null;
    }

    public FieldValue field(String name) {
        return fields.getOrDefault(name, FieldValue.ABSENT);
    }

    public String value(String name) {
        return field(name).value();
    }

    /** Everything this record's fields have seen. */
    public Clock recordClock() {
        Clock c = Clock.EMPTY;
        for (FieldValue f : fields.values()) {
            c = c.merge(f.clock());
        }
        return deleted == null ? c : c.merge(deleted);
    }

    /** The same fields, values only: what the user sees and what is compared. */
    public Map<String, String> values() {
        Map<String, String> v = new TreeMap<>();
        fields.forEach((k, f) -> {
            if (f.value() != null) {
                v.put(k, f.value());
            }
        });
        return v;
    }

    public RecordState withFields(Map<String, FieldValue> newFields) {
        return new RecordState(id, kind, newFields, deleted);
    }

    public RecordState asTombstone(Clock clock) {
        return new RecordState(id, kind, fields, clock);
    }

    public RecordState revived(Map<String, FieldValue> newFields) {
        return new RecordState(id, kind, newFields, null);
    }
}
