package fr.ancrage.domain;

/** An existing organisation that the one being saved may duplicate. */
public record DuplicateCandidate(Organisation existing, Reason reason) {

    public enum Reason {
        SAME_SIRET, SIMILAR_NAME
    }
}
