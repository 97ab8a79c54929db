package fr.ancrage.domain;

import java.util.Objects;

/**
 * Version of the national territory reference data (regions, departments, EPCI, communes) loaded in
 * the database, with the number of rows of each kind.
 *
 * @param source      name of the data source, e.g. {@code @etalab/decoupage-administratif}
 * @param version     version of the source, e.g. {@code 6.0.0}
 * @param regions     number of regions
 * @param departments number of departments
 * @param epcis       number of EPCI (intercommunalities)
 * @param communes    number of communes (including municipal arrondissements)
 */
public record ReferenceDataVersion(String source, String version, int regions, int departments, int epcis,
                                   int communes) {

    public ReferenceDataVersion {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(version, "version");
        if (regions < 0 || departments < 0 || epcis < 0 || communes < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** Short human-readable label, e.g. {@code @etalab/decoupage-administratif 6.0.0}. */
    public String label() {
        return source + " " + version;
    }
}
