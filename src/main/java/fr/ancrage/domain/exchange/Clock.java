package fr.ancrage.domain.exchange;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A version vector: for each base that changed a value, the counter of its last change
 * (decision 0019). Two clocks are equal, ordered (one has seen everything the other has) or
 * concurrent (each has a change the other has not seen: both sides changed the value).
 */
public final class Clock {

    /** How two clocks relate. */
    public enum Order { EQUAL, BEFORE, AFTER, CONCURRENT }

    public static final Clock EMPTY = new Clock(new TreeMap<>());

    private final TreeMap<UUID, Long> counters;

    private Clock(TreeMap<UUID, Long> counters) {
        this.counters = counters;
    }

    public static Clock of(Map<UUID, Long> counters) {
        TreeMap<UUID, Long> copy = new TreeMap<>();
        counters.forEach((base, n) -> {
            if (n == null || n < 0) {
                throw new IllegalArgumentException("counter " + n + " for " + base);
            }
            if (n > 0) {
                copy.put(base, n);
            }
        });
        return new Clock(copy);
    }

    public static Clock of(UUID base, long counter) {
        return of(Map.of(base, counter));
    }

    public Map<UUID, Long> counters() {
        return Collections.unmodifiableMap(counters);
    }

    public long get(UUID base) {
        return counters.getOrDefault(base, 0L);
    }

    public boolean isEmpty() {
        return counters.isEmpty();
    }

    /** This clock compared to {@code other}: BEFORE when {@code other} has seen all of this one and more. */
    public Order compare(Clock other) {
        boolean less = false;
        boolean more = false;
        TreeMap<UUID, Long> all = new TreeMap<>(counters);
        other.counters.forEach(all::putIfAbsent);
        for (UUID base : all.keySet()) {
            long a = get(base);
            long b = other.get(base);
            if (a < b) {
                less = true;
            } else if (a > b) {
                more = true;
            }
        }
        if (less && more) {
            return Order.CONCURRENT;
        }
        return less ? Order.BEFORE : more ? Order.AFTER : Order.EQUAL;
    }

    /** True when {@code other} has seen everything this clock has (equal or after). */
    public boolean seenBy(Clock other) {
        Order o = compare(other);
        return o == Order.EQUAL || o == Order.BEFORE;
    }

    /** The least clock that has seen both. */
    public Clock merge(Clock other) {
        TreeMap<UUID, Long> merged = new TreeMap<>(counters);
        other.counters.forEach((base, n) -> merged.merge(base, n, Math::max));
        return new Clock(merged);
    }

    /** A change made by {@code base} at its counter {@code counter}, after everything this clock has seen. */
    public Clock bump(UUID base, long counter) {
        if (counter <= get(base)) {
            throw new IllegalArgumentException("counter " + counter + " of " + base + " is not after " + this);
        }
        TreeMap<UUID, Long> next = new TreeMap<>(counters);
        next.put(base, counter);
        return new Clock(next);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Clock c && c.counters.equals(counters);
    }

    @Override
    public int hashCode() {
        return counters.hashCode();
    }

    @Override
    public String toString() {
        return counters.toString();
    }
}
