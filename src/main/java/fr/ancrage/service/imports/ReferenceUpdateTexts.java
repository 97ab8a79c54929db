package fr.ancrage.service.imports;

import fr.ancrage.domain.imports.ReferenceUpdate;
import fr.ancrage.domain.imports.ReferenceUpdate.Kind;
import fr.ancrage.domain.imports.ReferenceUpdate.Level;
import fr.ancrage.i18n.I18n;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** How the update of the administrative divisions is said, in the window and on the command line alike. */
public final class ReferenceUpdateTexts {

    private final I18n i18n;

    public ReferenceUpdateTexts(I18n i18n) {
        this.i18n = i18n;
    }

    /** The release and what it changes, counted. */
    public String summary(ReferenceUpdate.Plan p) {
        if (p.changesNothing()) {
            return i18n.format("import.reference.summary.nothing", p.release().label());
        }
        return i18n.format("import.reference.summary", p.release().label(),
                p.count(Level.COMMUNE, Kind.ADDED), p.count(Level.COMMUNE, Kind.RENAMED),
                p.count(Level.COMMUNE, Kind.CHANGED), p.count(Level.COMMUNE, Kind.MERGED),
                p.count(Level.COMMUNE, Kind.REMOVED), p.count(Level.EPCI, Kind.ADDED),
                p.count(Level.EPCI, Kind.RENAMED) + p.count(Level.EPCI, Kind.CHANGED), p.count(Level.EPCI, Kind.REMOVED),
                p.changes().stream().filter(c -> c.level() == Level.REGION || c.level() == Level.DEPARTMENT).count(),
                p.toReview().size());
    }

    public String level(ReferenceUpdate.Change c) {
        return i18n.get("import.reference.level." + c.level().name());
    }

    public String kind(ReferenceUpdate.Change c) {
        return i18n.get("import.reference.kind." + c.level().name() + "." + c.kind().name());
    }

    /** The name, before and after. */
    public String name(ReferenceUpdate.Change c) {
        return switch (c.kind()) {
            case ADDED -> c.after();
            case RENAMED -> c.before() + " → " + c.after();
            default -> c.before();
        };
    }

    /** What else changed, where a merged commune went, and whether records keep it. */
    public String detail(ReferenceUpdate.Change c) {
        List<String> parts = new ArrayList<>();
        if (!c.fields().isEmpty()) {
            parts.add(c.fields().stream().map(f -> i18n.get("import.reference.field." + f.field().name()) + " : "
                    + (f.before().isEmpty() ? "—" : f.before()) + " → " + (f.after().isEmpty() ? "—" : f.after()))
                    .collect(Collectors.joining(" ; ")) + ".");
        }
        if (c.kind() == Kind.MERGED) {
            parts.add(i18n.format("import.reference.detail.merged", c.after(), c.into()));
        }
        if (c.kept() && c.used() > 0) {
            parts.add(i18n.format("import.reference.detail.kept", c.used()));
        } else if (c.kept()) {
            parts.add(i18n.get("import.reference.detail.keptDivision"));
        }
        return String.join(" ", parts);
    }
}
