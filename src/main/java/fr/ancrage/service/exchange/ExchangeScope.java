package fr.ancrage.service.exchange;

import java.util.List;
import java.util.UUID;

/**
 * What an exchange package holds: the whole base, a department, an EPCI, chosen conventions, or
 * what changed since the last package sent to a base ({@code peer}).
 */
public record ExchangeScope(Kind kind, String code, List<UUID> conventions, UUID peer, String label) {

    public enum Kind { BASE, DEPARTMENT, EPCI, CONVENTIONS, CHANGES }

    public ExchangeScope {
        conventions = conventions == null ? List.of() : List.copyOf(conventions);
        label = label == null ? "" : label;
    }

    public static ExchangeScope wholeBase() {
        return new ExchangeScope(Kind.BASE, null, List.of(), null, "");
    }

    public static ExchangeScope department(String code, String label) {
        return new ExchangeScope(Kind.DEPARTMENT, code, List.of(), null, label);
    }

    public static ExchangeScope epci(String siren, String label) {
        return new ExchangeScope(Kind.EPCI, siren, List.of(), null, label);
    }

    public static ExchangeScope conventions(List<UUID> ids) {
        return new ExchangeScope(Kind.CONVENTIONS, null, ids, null, "");
    }

    public static ExchangeScope changesFor(UUID peer, String peerName) {
        return new ExchangeScope(Kind.CHANGES, null, List.of(), peer, peerName);
    }
}
