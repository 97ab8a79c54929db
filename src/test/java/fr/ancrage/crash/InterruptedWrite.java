package fr.ancrage.crash;

import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationKind;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.SizeBand;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Store;
import fr.ancrage.service.Services;
import org.jooq.impl.DSL;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;

/**
 * The process {@code InterruptedWriteTest} kills: saves one organisation (prints {@code O <id>}
 * once the save has returned), then, in one transaction as an import does, writes some hundred
 * megabytes (enough for H2 to put unfinished changes in the file) and renames that organisation,
 * and stops dead ({@code halt}, as {@code kill -9}) before the commit.
 */
public final class InterruptedWrite {

    static final String UNCONFIRMED = "Nom jamais confirmé";

    private InterruptedWrite() {
    }

    public static void main(String[] args) {
        Database db = Database.open(Path.of(args[0]));
        Services services = Services.over(new Store(db.dsl()), Clock.systemDefaultZone());
        services.territories().ensureReferenceData();
        Organisation o = services.organisations().save(new Organisation(RecordMeta.fresh(), OrganisationKind.COMPANY,
                "Entreprise confirmée", "", "", "62.01Z", SizeBand.PME,
                "1 rue de la République", "25000", "25056", false, false, Set.of(), ""));
        System.out.println("O " + o.id());
        System.out.flush();
        db.dsl().transaction(cfg -> {
            DSL.using(cfg).execute("insert into exchange_record (id, kind, seen_version, fields, changed_seq) "
                    + "select random_uuid(), 'ORGANISATION', 1, repeat('x', 200) || x, x from system_range(1, 250000)");
            DSL.using(cfg).execute("update organisation set legal_name = ?", UNCONFIRMED);
            System.out.println("halt");
            System.out.flush();
            Runtime.getRuntime().halt(9);
        });
    }
}
