package fr.ancrage.documents;

/**
 * A package that {@link PackageArchive} would not read, and why ({@code package.refused.…}): the
 * package's file name first, then where the fault is (an entry's name, a line and column) and the
 * sizes at stake.
 */
public final class PackageRefusedException extends Refusal {

    public PackageRefusedException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
