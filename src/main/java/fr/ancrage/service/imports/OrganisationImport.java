package fr.ancrage.service.imports;

import fr.ancrage.documents.sheets.Cell;
import fr.ancrage.documents.sheets.CellValues;
import fr.ancrage.documents.sheets.CsvSettings;
import fr.ancrage.documents.sheets.SheetFile;
import fr.ancrage.documents.sheets.SheetFileException;
import fr.ancrage.documents.sheets.SheetRow;
import fr.ancrage.documents.sheets.Spreadsheets;
import fr.ancrage.domain.Commune;
import fr.ancrage.domain.NameSimilarity;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationKind;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.Text;
import fr.ancrage.domain.imports.ColumnMapping;
import fr.ancrage.domain.imports.ImportField;
import fr.ancrage.domain.imports.OrganisationRow;
import fr.ancrage.domain.imports.SavedMapping;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The import of a team's organisations spreadsheet (issue 18): the file opened and its columns
 * recognised, every row checked and matched against the base and the rows before it, then the
 * rows the user keeps written in one transaction, with a report of what was done to each.
 */
public final class OrganisationImport {

    /** How many rows the opening shows as read. */
    public static final int FIRST_ROWS = 20;

    /** What the user decides for a row. */
    public enum Decision { IMPORT, MATCH, SKIP }

    /** Why a row is taken for a record already there (or for an earlier row). */
    public enum Reason { SAME_SIRET, SAME_NAME, CLOSE_NAME, EARLIER_ROW }

    /** The record a row looks like: one of the base's ({@code id}), or an earlier row ({@code row}). */
    public record Match(Reason reason, UUID id, String name, int row) {
    }

    /** The kinds of rows, for a decision taken for all the rows of a kind at once. */
    public enum Group { NEW, SAME_SIRET, SAME_NAME, CLOSE_NAME, EARLIER_ROW, ERRORS }

    /** A row checked: its problems, what it looks like, and what is done by default. */
    public record Line(OrganisationRow row, Match match, Decision proposed) {

        /** The row's kind: with errors, new, or what it looks like. */
        public Group group() {
            if (row.hasErrors()) {
                return Group.ERRORS;
            }
            if (match == null) {
                return Group.NEW;
            }
            return Group.valueOf(match.reason().name());
        }

        /** The decisions that make sense for the row. */
        public List<Decision> choices() {
            List<Decision> c = new ArrayList<>();
            if (!row.hasErrors() && (match == null || match.reason() != Reason.EARLIER_ROW)) {
                c.add(Decision.IMPORT);
            }
            if (match != null && match.id() != null) {
                c.add(Decision.MATCH);
            }
            c.add(Decision.SKIP);
            return c;
        }
    }

    /**
     * The file as opened: its sheets, how a CSV is read, the first rows, the headers and the columns
     * recognised; {@code mappingName}: the saved mapping they come from ("" when recognised from the
     * usual headers).
     */
    public record Opened(Path file, SheetFile.Format format, List<String> sheets, int sheet, CsvSettings csv,
                         List<SheetRow> firstRows, List<String> headers, int headerRow, ColumnMapping recognised,
                         String mappingName) {

        /** Whether the first row holds the headers (else every row is data). */
        public boolean hasHeader() {
            return headerRow > 0;
        }

        /** The same file read with a saved mapping. */
        public Opened with(SavedMapping saved) {
            return new Opened(file, format, sheets, sheet, csv, firstRows, headers, headerRow,
                    saved.applyTo(headers), saved.name());
        }
    }

    /** The kind under which the mappings of this import are saved. */
    public static final String MAPPING_KIND = "organisations";

    /** Every row checked, in the order of the sheet. */
    public record Preview(Opened opened, ColumnMapping mapping, List<Line> lines) {

        public long count(Decision d) {
            return lines.stream().filter(l -> l.proposed() == d).count();
        }

        public long withErrors() {
            return lines.stream().filter(l -> l.row().hasErrors()).count();
        }
    }

    /** What was done to a row: {@code outcome} created, updated, unchanged or skipped, and why. */
    public record Done(int row, String name, Outcome outcome, String why, UUID id) {
    }

    public enum Outcome { CREATED, UPDATED, UNCHANGED, SKIPPED }

    private final Store store;
    private final I18n texts;

    public OrganisationImport(Store store, I18n texts) {
        this.store = store;
        this.texts = texts;
    }

    /** Opens the file (a CSV read with {@code csv}, null: detected) and reads the first rows of {@code sheet}. */
    public Opened open(Path file, CsvSettings csv, int sheet) {
        return open(file, csv, sheet, null);
    }

    /** The row of the headers among the first rows, or null when the first row is already data. */
    private static SheetRow findHeader(List<SheetRow> first) {
        SheetRow best = null;
        int most = 0;
        for (SheetRow r : first.subList(0, Math.min(HEADER_SEARCH, first.size()))) {
            int named = ColumnMapping.recognise(r.cells().stream().map(Cell::text).toList(), OrganisationRow.FIELDS)
                    .columns().size();
            if (named > most) {
                most = named;
                best = r;
            }
        }
        if (best != null || first.isEmpty()) {
            return best;
        }
        SheetRow top = first.getFirst();
        boolean data = top.cells().stream().anyMatch(c -> c.text().strip().replace(" ", "").matches("\\d{5,}"));
        return data ? null : top;
    }

    /** How far down the header row is looked for (title lines may stand above it). */
    public static final int HEADER_SEARCH = 10;

    /**
     * As {@link #open(Path, CsvSettings, int)}; {@code headerRow}: the row holding the headers, as
     * the spreadsheet numbers it, 0 for none (every row is data), null to find it out: among the
     * first rows, the one whose cells name the most fields (title lines above it are skipped);
     * when none names any, the first row, unless it holds a number of five digits or more (a
     * SIRET, a postcode: data). A sheet without headers loses no row: its columns are mapped by hand.
     */
    public Opened open(Path file, CsvSettings csv, int sheet, Integer headerRow) {
        try (SheetFile f = Spreadsheets.open(file, csv)) {
            int chosen = Math.max(0, Math.min(sheet, f.sheets().size() - 1));
            List<SheetRow> first = new ArrayList<>();
            f.read(chosen, r -> first.add(r) && first.size() < FIRST_ROWS);
            SheetRow header = headerRow == null ? findHeader(first) : first.stream()
                    .filter(r -> r.number() == headerRow).findFirst().orElse(null);
            boolean hasHeader = header != null;
            int width = first.stream().mapToInt(r -> r.cells().size()).max().orElse(0);
            List<String> headers = hasHeader ? header.cells().stream().map(Cell::text).toList()
                    : java.util.Collections.nCopies(width, "");
            ColumnMapping recognised = hasHeader ? ColumnMapping.recognise(headers, OrganisationRow.FIELDS)
                    : new ColumnMapping(Map.of());
            Opened opened = new Opened(file, f.format(), f.sheets(), chosen, f.csv(), first, headers,
                    hasHeader ? header.number() : 0, recognised, "");
            if (!hasHeader) {
                return opened;
            }
            // a file of the shape of one read before: the mapping the team saved for it
            return mappings().stream().filter(m -> m.fits(headers)).findFirst().map(opened::with).orElse(opened);
        } catch (SheetFileException e) {
            throw new RuleViolationException(e.messageKey(), e.args().toArray());
        }
    }

    /** The mappings saved for this import, by name. */
    public List<SavedMapping> mappings() {
        return store.read(r -> r.importMappings().list(MAPPING_KIND));
    }

    /**
     * The file read with the mapping saved under {@code name}.
     *
     * @throws RuleViolationException when no mapping has that name
     */
    public Opened withMapping(Opened opened, String name) {
        List<SavedMapping> saved = mappings();
        return saved.stream().filter(m -> m.name().equals(Text.cleanLine(name))).findFirst().map(opened::with)
                .orElseThrow(() -> new RuleViolationException("import.mapping.unknown", name, saved.isEmpty()
                        ? texts.get("import.mapping.none")
                        : String.join(", ", saved.stream().map(SavedMapping::name).toList())));
    }

    /** Saves {@code mapping} of the file's columns under {@code name}, for the next file of the same shape. */
    public SavedMapping saveMapping(String name, Opened opened, ColumnMapping mapping) {
        SavedMapping saved = SavedMapping.of(name, opened.headers(), mapping);
        if (saved.name().isEmpty()) {
            throw new RuleViolationException("import.mapping.name.required");
        }
        if (saved.name().length() > SavedMapping.MAX_NAME) {
            throw new RuleViolationException("import.mapping.name.tooLong", SavedMapping.MAX_NAME);
        }
        store.run(r -> r.importMappings().save(MAPPING_KIND, saved));
        return saved;
    }

    /**
     * Reads every row after the header with {@code mapping}, checks it and matches it against the
     * base and the rows before it. Nothing is written.
     */
    public Preview preview(Opened opened, ColumnMapping mapping, BooleanSupplier cancelled) {
        if (!mapping.filledTwice().isEmpty()) {
            throw new RuleViolationException("import.mapping.twice", texts.get("import.field."
                    + mapping.filledTwice().getFirst().name()));
        }
        if (mapping.columnOf(ImportField.LEGAL_NAME) < 0) {
            throw new RuleViolationException("import.mapping.required", texts.get("import.field.LEGAL_NAME"));
        }
        Known known = store.read(r -> new Known(r.organisations().findAll(), r.territories().communes()));
        List<Line> lines = new ArrayList<>();
        Known earlier = new Known(List.of(), List.of());
        try (SheetFile f = Spreadsheets.open(opened.file(), opened.csv())) {
            f.read(opened.sheet(), row -> {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException();
                }
                if (row.number() <= opened.headerRow()) {
                    return true;
                }
                Map<ImportField, String> values = new EnumMap<>(ImportField.class);
                mapping.columns().forEach((column, field) -> values.put(field, value(row.cell(column), field)));
                OrganisationRow checked = OrganisationRow.check(row.number(), values, known, this::kind);
                Match match = known.match(checked.candidate());
                if (match == null) {
                    Match before = earlier.match(checked.candidate());
                    match = before == null ? null : new Match(Reason.EARLIER_ROW, null, before.name(), before.row());
                }
                Decision proposed = checked.hasErrors() ? Decision.SKIP : match == null ? Decision.IMPORT
                        : match.reason() == Reason.SAME_SIRET || match.reason() == Reason.SAME_NAME ? Decision.MATCH
                        : Decision.SKIP;
                lines.add(new Line(checked, match, proposed));
                if (!checked.hasErrors()) {
                    earlier.add(checked.candidate(), row.number());
                }
                return true;
            });
        } catch (SheetFileException e) {
            throw new RuleViolationException(e.messageKey(), e.args().toArray());
        }
        return new Preview(opened, mapping, lines);
    }

    /** A cell as the field reads it: codes with their leading zeros, dates and numbers as typed. */
    private static String value(Cell cell, ImportField field) {
        return switch (field) {
            case SIRET -> CellValues.code(cell, 14);
            case SIREN -> CellValues.code(cell, 9);
            case POSTCODE, COMMUNE_CODE -> CellValues.code(cell, 5);
            default -> cell.text();
        };
    }

    /** The kind a cell names: its French (or English) label, or its code, compared without case nor accents. */
    private Optional<OrganisationKind> kind(String text) {
        String key = Text.searchKey(text);
        for (OrganisationKind k : OrganisationKind.values()) {
            String label = Text.searchKey(texts.get("enum.OrganisationKind." + k.name()));
            if (key.equals(label) || key.equals(Text.searchKey(k.name())) || !key.isEmpty() && label.startsWith(key + " ")) {
                return Optional.of(k);
            }
        }
        if (key.equals("partenaire") || key.equals("entreprise privee") || key.equals("societe")) {
            return Optional.of(key.equals("partenaire") ? OrganisationKind.SUPPORT_BODY : OrganisationKind.COMPANY);
        }
        return Optional.empty();
    }

    /**
     * Writes the rows as decided ({@code decisions} by row number; a row without one follows its
     * proposal), in one transaction: all or nothing. A row whose decision it cannot take (import a
     * row with errors, match a row that looks like nothing) is refused before anything is written.
     */
    public List<Done> write(Preview preview, Map<Integer, Decision> decisions) {
        for (Line l : preview.lines()) {
            Decision d = decisions.getOrDefault(l.row().number(), l.proposed());
            if (!l.choices().contains(d)) {
                throw new RuleViolationException("import.decision.impossible", l.row().number(),
                        texts.get("import.decision." + d.name()));
            }
        }
        return store.write(r -> {
            List<Done> done = new ArrayList<>();
            for (Line l : preview.lines()) {
                Decision d = decisions.getOrDefault(l.row().number(), l.proposed());
                Organisation c = l.row().candidate();
                switch (d) {
                    case SKIP -> done.add(new Done(l.row().number(), c.legalName(), Outcome.SKIPPED, why(l), null));
                    case IMPORT -> {
                        Organisation saved = r.organisations().save(c);
                        done.add(new Done(l.row().number(), c.legalName(), Outcome.CREATED, "", saved.id()));
                    }
                    case MATCH -> {
                        Organisation existing = r.organisations().findById(l.match().id()).orElseThrow(() ->
                                new RuleViolationException("import.match.gone", l.row().number(), l.match().name()));
                        Organisation merged = fill(existing, l.row());
                        if (merged.equals(existing)) {
                            done.add(new Done(l.row().number(), existing.legalName(), Outcome.UNCHANGED, "", existing.id()));
                        } else {
                            r.organisations().save(merged);
                            done.add(new Done(l.row().number(), existing.legalName(), Outcome.UPDATED, "", existing.id()));
                        }
                    }
                }
            }
            return done;
        });
    }

    /**
     * The existing organisation completed with the row: a field the base leaves empty takes the
     * row's value; a value the base has is never replaced (a team's spreadsheet may be older than
     * what was typed in Ancrage), so that matching loses nothing and a second import changes nothing.
     */
    private static Organisation fill(Organisation e, OrganisationRow row) {
        Organisation c = row.candidate();
        java.util.function.BinaryOperator<String> pick = (mine, theirs) -> mine.isEmpty() ? theirs : mine;
        return new Organisation(e.meta(), e.kind(), pick.apply(e.legalName(), c.legalName()),
                pick.apply(e.siren(), c.siren()), pick.apply(e.siret(), c.siret()), pick.apply(e.nafCode(), c.nafCode()),
                e.sizeBand(), pick.apply(e.addressLine(), c.addressLine()), pick.apply(e.postcode(), c.postcode()),
                pick.apply(e.communeCode(), c.communeCode()), e.inQpv(), e.paqteMember(), e.networks(),
                pick.apply(e.notes(), c.notes()));
    }

    /** Why a row is skipped, in the report's words. */
    private String why(Line l) {
        if (l.row().hasErrors()) {
            var first = l.row().issues().stream().filter(i -> i.issue().isError()).findFirst().orElseThrow();
            return texts.format(first.issue().messageKey(), first.issue().args().toArray());
        }
        if (l.match() != null) {
            return texts.format("import.match." + l.match().reason().name(), l.match().name(), l.match().row());
        }
        return texts.get("import.skipped.chosen");
    }

    /**
     * The organisations a row is compared with, and the communes of the reference data. Indexed so
     * that a sheet of 20,000 rows against a base of 20,000 organisations is checked in seconds: by
     * SIRET, by commune and name key (the same name), and, for very close names, only among the
     * organisations of the same commune whose name's first two words (legal forms and small words
     * left out) begin with the same three letters.
     */
    private static final class Known implements OrganisationRow.Communes {
        private final Map<String, Organisation> bySiret = new HashMap<>();
        private final Map<String, Organisation> byName = new HashMap<>();
        private final Map<String, Organisation> byNameAnywhere = new HashMap<>();
        private final Map<String, List<Organisation>> byPrefix = new HashMap<>();
        private final Map<Organisation, Integer> rows = new HashMap<>();
        private final Map<String, Commune> communes = new HashMap<>();
        private final Map<String, List<Commune>> communesByName = new HashMap<>();

        Known(List<Organisation> organisations, List<Commune> all) {
            organisations.forEach(o -> add(o, 0));
            for (Commune c : all) {
                communes.put(c.code(), c);
                communesByName.computeIfAbsent(Text.searchKey(c.name()), k -> new ArrayList<>()).add(c);
            }
        }

        /** The commune and the first three letters of the name key's first two words. */
        private static String prefix(String communeCode, String key) {
            StringBuilder b = new StringBuilder(communeCode).append('/');
            String[] words = key.split(" ", 3);
            for (int i = 0; i < Math.min(2, words.length); i++) {
                b.append(words[i], 0, Math.min(3, words[i].length())).append(' ');
            }
            return b.toString();
        }

        void add(Organisation o, int row) {
            if (!o.siret().isEmpty()) {
                bySiret.putIfAbsent(o.siret(), o);
            }
            String key = NameSimilarity.key(o.legalName());
            byName.putIfAbsent(o.communeCode() + "/" + key, o);
            byNameAnywhere.putIfAbsent(key, o);
            byPrefix.computeIfAbsent(prefix(o.communeCode(), key), k -> new ArrayList<>()).add(o);
            rows.put(o, row);
        }

        /**
         * Same SIRET; else the same name in the same commune (anywhere when the row gives no
         * commune), or a very close name in the same commune.
         */
        Match match(Organisation c) {
            if (!c.siret().isEmpty()) {
                Organisation same = bySiret.get(c.siret());
                if (same != null) {
                    return new Match(Reason.SAME_SIRET, same.id(), same.legalName(), rows.getOrDefault(same, 0));
                }
            }
            String key = NameSimilarity.key(c.legalName());
            // a sheet without communes: the same name anywhere is the same organisation
            Organisation named = c.communeCode().isEmpty() ? byNameAnywhere.get(key)
                    : byName.get(c.communeCode() + "/" + key);
            // two SIRETs that differ: two establishments of one name
            if (named != null && (named.siret().isEmpty() || c.siret().isEmpty())) {
                return new Match(Reason.SAME_NAME, named.id(), named.legalName(), rows.getOrDefault(named, 0));
            }
            for (Organisation o : byPrefix.getOrDefault(prefix(c.communeCode(), key), List.of())) {
                if (!o.siret().isEmpty() && !c.siret().isEmpty()) {
                    continue;
                }
                if (NameSimilarity.veryClose(o.legalName(), c.legalName())) {
                    return new Match(Reason.CLOSE_NAME, o.id(), o.legalName(), rows.getOrDefault(o, 0));
                }
            }
            return null;
        }

        @Override
        public Optional<Commune> byCode(String code) {
            return Optional.ofNullable(communes.get(code.toUpperCase(Locale.ROOT)));
        }

        @Override
        public List<Commune> byName(String name, String postcode) {
            List<Commune> found = communesByName.getOrDefault(Text.searchKey(name), List.of());
            if (found.size() > 1 && !postcode.isEmpty()) {
                List<Commune> narrowed = found.stream().filter(c -> c.postcodes() != null
                        && c.postcodes().contains(postcode)).toList();
                return narrowed.isEmpty() ? found : narrowed;
            }
            return found;
        }
    }
}
