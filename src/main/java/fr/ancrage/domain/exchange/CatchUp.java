package fr.ancrage.domain.exchange;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A record's exchange state brought up to date with what the base holds now (decision 0019): the
 * fields changed here since the state was kept are changes of this base at {@code counter}, a
 * record deleted here becomes a tombstone, one created again after a deletion has seen that
 * deletion. The repository calls it before every exchange, and the property tests' model bases too.
 */
public final class CatchUp {

    /**
     * The state now; {@code previous}: for each field changed here since the last exchange, the
     * value and clock it had then; {@code changed}: whether this base changed anything.
     */
    public record Caught(RecordState state, Map<String, FieldValue> previous, boolean changed) {
    }

    private CatchUp() {
    }

    /**
     * {@code stored}: the state kept at the last exchange (null if none), {@code storedPrevious} its
     * previous values; {@code current}: the record's values in the base now, null when the base has
     * no such record. Null when there is nothing to keep (neither kept nor in the base).
     */
    public static Caught of(UUID id, String kind, RecordState stored, Map<String, FieldValue> storedPrevious,
                            Map<String, String> current, UUID me, long counter) {
        Map<String, FieldValue> kept = storedPrevious == null ? Map.of() : storedPrevious;
        if (current == null) {
            if (stored == null) {
                return null;
            }
            if (stored.isDeleted()) {
                return new Caught(stored, kept, false);
            }
            Clock seen = stored.recordClock();
            return new Caught(stored.asTombstone(seen.bump(me, Math.max(counter, seen.get(me) + 1))), kept, true);
        }
        boolean live = stored != null && !stored.isDeleted();
        boolean changed = !live;
        Clock base = stored != null && stored.isDeleted() ? stored.deleted() : Clock.EMPTY;
        Map<String, FieldValue> fields = new TreeMap<>();
        Map<String, FieldValue> previous = new TreeMap<>(kept);
        // a record made again after a deletion has seen it: the fields the deleted record had and this
        // one lacks are emptied by this base, not left for another base's older value to fill
        TreeSet<String> names = new TreeSet<>(current.keySet());
        if (stored != null) {
            names.addAll(stored.fields().keySet());
        }
        for (String name : names) {
            String value = current.get(name);
            FieldValue was = live ? stored.fields().get(name) : null;
            if (was != null && Objects.equals(was.value(), value)) {
                fields.put(name, was);
            } else {
                Clock c = was == null ? base : was.clock();
                fields.put(name, new FieldValue(value, c.bump(me, Math.max(counter, c.get(me) + 1))));
                if (was != null) {
                    previous.put(name, was);
                }
                changed = true;
            }
        }
        return new Caught(RecordState.live(id, kind, fields), previous, changed);
    }
}
