package fr.ancrage.service.exchange;

import fr.ancrage.domain.exchange.RecordState;
import fr.ancrage.persistence.ExchangeKind;

import java.time.Instant;

/** One record of a package: its exchange state and its metadata in the base that made the package. */
record Incoming(ExchangeKind kind, RecordState state, int version, Instant createdAt, Instant updatedAt) {
}
