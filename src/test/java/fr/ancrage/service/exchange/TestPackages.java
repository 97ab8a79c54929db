package fr.ancrage.service.exchange;

import java.nio.file.Path;

/** Reads a package file as the application does. */
final class TestPackages {

    private TestPackages() {
    }

    static ExchangePackage read(Path file) {
        return PackageOpening.open(file);
    }
}
