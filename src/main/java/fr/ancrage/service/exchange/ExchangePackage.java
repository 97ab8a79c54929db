package fr.ancrage.service.exchange;

import fr.ancrage.persistence.ExchangeKind;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An exchange package as read (or about to be written): who made it, what it covers, and its
 * records by kind, in the order they are written.
 */
record ExchangePackage(UUID id, Instant createdAt, UUID baseId, String baseName, ExchangeScope scope,
                       Map<ExchangeKind, List<Incoming>> records) {

    int count(ExchangeKind kind) {
        return records.getOrDefault(kind, List.of()).size();
    }

    int size() {
        return records.values().stream().mapToInt(List::size).sum();
    }
}
