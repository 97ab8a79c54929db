package fr.ancrage.service.exchange;

import fr.ancrage.documents.PackageArchive;
import fr.ancrage.documents.PackageRefusedException;
import fr.ancrage.domain.RuleViolationException;

import java.nio.file.Path;
import java.util.Set;

/**
 * Opens an untrusted package file: the archive and its manifest checked by {@link PackageArchive}
 * (paths, sizes, checksums, bounds), then every record by {@link PackageJson}. Everything is read
 * in memory; nothing is written anywhere. Any fault refuses the whole package.
 */
final class PackageOpening {

    /** Version 1: the bilan packages; version 2: exchange packages. */
    static final Set<Integer> VERSIONS = Set.of(1, PackageJson.FORMAT_VERSION);
    static final Set<String> KINDS = Set.of(PackageJson.KIND, "bilan-annuel");

    private PackageOpening() {
    }

    /** The bytes of {@code file}, bounded: refused when it is missing, empty or too large. */
    static byte[] load(Path file) {
        try {
            return PackageArchive.load(file, PackageArchive.Limits.DEFAULT);
        } catch (PackageRefusedException e) {
            throw new RuleViolationException(e.messageKey(), e.args().toArray());
        }
    }

    static ExchangePackage open(Path file) {
        return open(file, load(file));
    }

    /** Checks and reads {@code zip}, the bytes {@link #load} read from {@code file}. */
    static ExchangePackage open(Path file, byte[] zip) {
        try {
            PackageArchive.Contents c = PackageArchive.read(file, zip, PackageArchive.Limits.DEFAULT, VERSIONS, KINDS);
            if (!PackageJson.KIND.equals(c.kind())) {
                throw new RuleViolationException("exchange.refused.notExchange", c.kind());
            }
            return PackageJson.read(c.manifest(), c.files(), c::json);
        } catch (PackageRefusedException e) {
            throw new RuleViolationException(e.messageKey(), e.args().toArray());
        }
    }
}
