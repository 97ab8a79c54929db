package fr.ancrage.service.imports;

import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.imports.ReferenceUpdate;
import fr.ancrage.persistence.ReferenceRelease;
import fr.ancrage.persistence.Store;

import java.nio.file.Path;

/**
 * The update of the administrative divisions from a newer release of the data the application
 * ships (issue 18): the release read and compared with the base (nothing written), then applied in
 * one transaction, compared again there so that a record saved meanwhile is still protected.
 */
public final class ReferenceUpdateImport {

    private final Store store;

    public ReferenceUpdateImport(Store store) {
        this.store = store;
    }

    /** Reads the release in {@code folder} (or the folder of that file) and compares it with the base. */
    public ReferenceUpdate.Plan preview(Path folder) {
        ReferenceUpdate.Release release = ReferenceRelease.read(folder);
        return store.read(r -> plan(release, r.territories()));
    }

    /** Applies the release, all or nothing; returns what was done. */
    public ReferenceUpdate.Plan write(ReferenceUpdate.Plan preview) {
        return store.write(r -> {
            ReferenceUpdate.Plan now = plan(preview.release(), r.territories());
            r.territories().apply(now);
            return now;
        });
    }

    private static ReferenceUpdate.Plan plan(ReferenceUpdate.Release release,
                                             fr.ancrage.persistence.TerritoryRepository t) {
        ReferenceUpdate.Current current = new ReferenceUpdate.Current(t.regions(), t.departments(), t.epcis(),
                t.communes());
        try {
            return ReferenceUpdate.plan(current, release, t.usage());
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("reference.refused.partial", release.communes().size(),
                    current.communes().size());
        }
    }
}
