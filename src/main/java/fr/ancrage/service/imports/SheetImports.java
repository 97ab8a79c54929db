package fr.ancrage.service.imports;

import fr.ancrage.documents.sheets.CsvSettings;
import fr.ancrage.domain.imports.SheetKind;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * The imports of a team's spreadsheets, one per kind of sheet (issue 18), and what a sheet holds
 * found out from its headers.
 */
public final class SheetImports {

    /** A saved mapping that fits a sheet's headers tells what it holds better than any header. */
    private static final int SAVED_MAPPING = 1000;

    private final Map<SheetKind, SheetImport> imports = new EnumMap<>(SheetKind.class);

    public SheetImports(Store store, I18n texts, Clock clock) {
        imports.put(SheetKind.ORGANISATIONS, new OrganisationImport(store, texts));
        imports.put(SheetKind.CONTACTS, new ContactImport(store, texts));
        imports.put(SheetKind.CONVENTIONS, new ConventionImport(store, texts, clock));
        imports.put(SheetKind.ENGAGEMENTS, new EngagementImport(store, texts));
    }

    public SheetImport of(SheetKind kind) {
        return imports.get(kind);
    }

    /**
     * Opens the file as {@code kind}'s, or, when {@code kind} is null, as the kind it holds: the one
     * a saved mapping fitting its headers was saved for, else the one whose fields its headers name
     * the most (organisations first when two name as many).
     */
    public SheetImport.Opened open(Path file, CsvSettings csv, int sheet, Integer headerRow, SheetKind kind) {
        if (kind != null) {
            return of(kind).open(file, csv, sheet, headerRow);
        }
        SheetImport.Opened read = of(SheetKind.ORGANISATIONS).open(file, csv, sheet, headerRow);
        SheetImport.Opened best = read;
        int bestScore = score(read);
        for (SheetKind k : SheetKind.values()) {
            if (k == SheetKind.ORGANISATIONS) {
                continue;
            }
            SheetImport.Opened shaped = of(k).shaped(read, headerRow);
            int score = score(shaped);
            if (score > bestScore) {
                best = shaped;
                bestScore = score;
            }
        }
        return best;
    }

    private static int score(SheetImport.Opened o) {
        return (o.mappingName().isEmpty() ? 0 : SAVED_MAPPING) + o.recognised().columns().size();
    }
}
