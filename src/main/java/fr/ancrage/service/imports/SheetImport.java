package fr.ancrage.service.imports;

import fr.ancrage.documents.sheets.Cell;
import fr.ancrage.documents.sheets.CellValues;
import fr.ancrage.documents.sheets.CsvSettings;
import fr.ancrage.documents.sheets.SheetFile;
import fr.ancrage.documents.sheets.SheetFileException;
import fr.ancrage.documents.sheets.SheetRow;
import fr.ancrage.documents.sheets.Spreadsheets;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.Text;
import fr.ancrage.domain.imports.CheckedRow;
import fr.ancrage.domain.imports.ColumnMapping;
import fr.ancrage.domain.imports.ImportField;
import fr.ancrage.domain.imports.SavedMapping;
import fr.ancrage.domain.imports.SheetKind;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Repositories;
import fr.ancrage.persistence.Store;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The import of a team's spreadsheet (issue 18), whatever it holds: the file opened and its
 * columns recognised, every row checked and matched against the base and the rows before it, then
 * the rows the user keeps written in one transaction, with a report of what was done to each.
 * What a row makes, what it looks like in the base and how it is written is each kind's
 * ({@link OrganisationImport}, {@link ContactImport}, {@link ConventionImport}, {@link EngagementImport}).
 */
public abstract class SheetImport {

    /** How many rows the opening shows as read. */
    public static final int FIRST_ROWS = 20;

    /** How far down the header row is looked for (title lines may stand above it). */
    public static final int HEADER_SEARCH = 10;

    /** What the user decides for a row. */
    public enum Decision { IMPORT, MATCH, SKIP }

    /** Why a row is taken for a record already there (or for an earlier row). */
    public enum Reason { SAME_SIRET, SAME_NAME, CLOSE_NAME, SAME_PERSON, SAME_EMAIL, SAME_REFERENCE, SAME_DATES, SAME_ENGAGEMENT, EARLIER_ROW }

    /** The record a row looks like: one of the base's ({@code id}), or an earlier row ({@code row}). */
    public record Match(Reason reason, UUID id, String name, int row) {
    }

    /** The kinds of rows, for a decision taken for all the rows of a kind at once. */
    public enum Group { NEW, SAME_SIRET, SAME_NAME, CLOSE_NAME, SAME_PERSON, SAME_EMAIL, SAME_REFERENCE, SAME_DATES, SAME_ENGAGEMENT, EARLIER_ROW, ERRORS }

    /** A row checked: its problems, what it looks like, and what is done by default. */
    public record Line(CheckedRow row, Match match, Decision proposed) {

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
     * The file as opened: what it holds, its sheets, how a CSV is read, the first rows, the headers
     * and the columns recognised; {@code mappingName}: the saved mapping they come from ("" when
     * recognised from the usual headers).
     */
    public record Opened(SheetKind kind, Path file, SheetFile.Format format, List<String> sheets, int sheet,
                         CsvSettings csv, List<SheetRow> firstRows, List<String> headers, int headerRow,
                         ColumnMapping recognised, String mappingName) {

        /** Whether the first row holds the headers (else every row is data). */
        public boolean hasHeader() {
            return headerRow > 0;
        }

        /** The same file read with a saved mapping. */
        public Opened with(SavedMapping saved) {
            return new Opened(kind, file, format, sheets, sheet, csv, firstRows, headers, headerRow,
                    saved.applyTo(headers), saved.name());
        }
    }

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

    /** Checks the rows one after the other, knowing the base as read once and the rows before. */
    protected interface RowChecker {
        /** The row checked, what it looks like and the decision proposed. */
        Line check(int number, Map<ImportField, String> values);
    }

    /** Writes the rows one after the other, inside the import's one transaction. */
    protected interface RowWriter {
        /** Writes {@code line} as {@code decision} (never {@link Decision#SKIP}). */
        Done write(Line line, Decision decision);

        /** Writes what the rows gathered (several rows of one record), before the transaction ends. */
        default void finish() {
        }
    }

    protected final Store store;
    protected final I18n texts;
    private final SheetKind kind;

    protected SheetImport(Store store, I18n texts, SheetKind kind) {
        this.store = store;
        this.texts = texts;
        this.kind = kind;
    }

    public SheetKind kind() {
        return kind;
    }

    /** What the base is checked against, read once before the rows are. */
    protected abstract RowChecker checker(Repositories r);

    /** What writes the rows, inside the transaction. */
    protected abstract RowWriter writer(Repositories r);

    /** Opens the file (a CSV read with {@code csv}, null: detected) and reads the first rows of {@code sheet}. */
    public Opened open(Path file, CsvSettings csv, int sheet) {
        return open(file, csv, sheet, null);
    }

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
            return shaped(new Opened(kind, file, f.format(), f.sheets(), chosen, f.csv(), first, List.of(), 0,
                    new ColumnMapping(Map.of()), ""), headerRow);
        } catch (SheetFileException e) {
            throw new RuleViolationException(e.messageKey(), e.args().toArray());
        }
    }

    /**
     * The first rows read, shaped as this kind's: the header row (found, or {@code headerRow}), the
     * headers, the columns recognised, or the mapping saved for a file of that shape.
     */
    Opened shaped(Opened read, Integer headerRow) {
        List<SheetRow> first = read.firstRows();
        SheetRow header = headerRow == null ? findHeader(first, kind) : first.stream()
                .filter(r -> r.number() == headerRow).findFirst().orElse(null);
        boolean hasHeader = header != null;
        int width = first.stream().mapToInt(r -> r.cells().size()).max().orElse(0);
        List<String> headers = hasHeader ? header.cells().stream().map(Cell::text).toList()
                : Collections.nCopies(width, "");
        ColumnMapping recognised = hasHeader ? ColumnMapping.recognise(headers, kind.fields())
                : new ColumnMapping(Map.of());
        Opened opened = new Opened(kind, read.file(), read.format(), read.sheets(), read.sheet(), read.csv(), first,
                headers, hasHeader ? header.number() : 0, recognised, "");
        if (!hasHeader) {
            return opened;
        }
        // a file of the shape of one read before: the mapping the team saved for it
        return mappings().stream().filter(m -> m.fits(headers)).findFirst().map(opened::with).orElse(opened);
    }

    /** The row of the headers among the first rows, or null when the first row is already data. */
    static SheetRow findHeader(List<SheetRow> first, SheetKind kind) {
        SheetRow best = null;
        int most = 0;
        for (SheetRow r : first.subList(0, Math.min(HEADER_SEARCH, first.size()))) {
            int named = ColumnMapping.recognise(r.cells().stream().map(Cell::text).toList(), kind.fields())
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

    /** The same file read as this kind's: its columns recognised for this kind's fields, the header row kept. */
    public Opened as(Opened opened) {
        return opened.kind() == kind ? opened : shaped(opened, opened.headerRow());
    }

    /** The mappings saved for this import, by name. */
    public List<SavedMapping> mappings() {
        return store.read(r -> r.importMappings().list(kind.mappingKind()));
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
        store.run(r -> r.importMappings().save(kind.mappingKind(), saved));
        return saved;
    }

    /** Why {@code mapping} cannot be used, said in French, or empty. */
    public static String mappingProblem(I18n texts, SheetKind kind, ColumnMapping mapping) {
        RuleViolationException refusal = mappingRefusal(texts, kind, mapping);
        return refusal == null ? "" : texts.format(refusal.messageKey(), refusal.args().toArray());
    }

    /** Why {@code mapping} cannot be used: a field two columns fill, or a required one none fills; null when it can. */
    private static RuleViolationException mappingRefusal(I18n texts, SheetKind kind, ColumnMapping mapping) {
        if (!mapping.filledTwice().isEmpty()) {
            return new RuleViolationException("import.mapping.twice",
                    texts.get("import.field." + mapping.filledTwice().getFirst().name()));
        }
        Set<ImportField> missing = kind.missing(mapping);
        return missing == null ? null : new RuleViolationException("import.mapping.required", names(texts, kind, missing));
    }

    /** « Raison sociale » ou « SIRET »: the fields one of which must be filled. */
    private static String names(I18n texts, SheetKind kind, Set<ImportField> fields) {
        return kind.fields().stream().filter(fields::contains)
                .map(f -> "« " + texts.get("import.field." + f.name()) + " »")
                .collect(Collectors.joining(" " + texts.get("import.mapping.or") + " "));
    }

    /**
     * Reads every row after the header with {@code mapping}, checks it and matches it against the
     * base and the rows before it. Nothing is written.
     */
    public Preview preview(Opened opened, ColumnMapping mapping, BooleanSupplier cancelled) {
        RuleViolationException refusal = mappingRefusal(texts, kind, mapping);
        if (refusal != null) {
            throw refusal;
        }
        RowChecker checker = store.read(this::checker);
        List<Line> lines = new ArrayList<>();
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
                lines.add(checker.check(row.number(), values));
                return true;
            });
        } catch (SheetFileException e) {
            throw new RuleViolationException(e.messageKey(), e.args().toArray());
        }
        return new Preview(opened, mapping, lines);
    }

    /**
     * A cell as the field reads it: codes with their leading zeros, dates as {@code yyyy-MM-dd}
     * whatever the cell held (a date cell, a serial number, {@code dd/MM/yyyy}…), other cells as
     * typed; what cannot be read is left as typed, for the row's check to say so.
     */
    static String value(Cell cell, ImportField field) {
        return switch (field) {
            case SIRET -> CellValues.code(cell, 14);
            case SIREN -> CellValues.code(cell, 9);
            case POSTCODE, COMMUNE_CODE -> CellValues.code(cell, 5);
            case SIGNATURE_DATE, START_DATE, END_DATE -> CellValues.date(cell).map(LocalDate::toString).orElse(cell.text());
            case EPCI -> cell.kind() == Cell.Kind.NUMBER ? CellValues.code(cell, 9) : cell.text();
            case YEAR -> CellValues.code(cell, 4);
            // a phone number the spreadsheet held as a number lost its zero
            case PHONE -> cell.kind() == Cell.Kind.NUMBER ? CellValues.code(cell, 10) : cell.text();
            case TARGET, REALISED -> CellValues.amount(cell).map(java.math.BigDecimal::toPlainString).orElse(cell.text());
            default -> cell.text();
        };
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
            RowWriter writer = writer(r);
            List<Done> done = new ArrayList<>();
            for (Line l : preview.lines()) {
                Decision d = decisions.getOrDefault(l.row().number(), l.proposed());
                done.add(d == Decision.SKIP
                        ? new Done(l.row().number(), l.row().label(), Outcome.SKIPPED, why(l), null)
                        : writer.write(l, d));
            }
            writer.finish();
            return done;
        });
    }

    /** The decision proposed for a row: skip it with errors, import it new, complete the same record. */
    protected static Decision proposed(CheckedRow row, Match match) {
        if (row.hasErrors()) {
            return Decision.SKIP;
        }
        if (match == null) {
            return Decision.IMPORT;
        }
        return match.reason() == Reason.CLOSE_NAME || match.reason() == Reason.EARLIER_ROW ? Decision.SKIP
                : Decision.MATCH;
    }

    /**
     * The line of a checked row: what {@code candidate} looks like in the base, else among the rows
     * before it (said as a duplicate of that row); a row without errors is remembered for the rows after.
     */
    protected static <T> Line line(CheckedRow row, T candidate, java.util.function.Function<T, Match> inBase,
                                   java.util.function.Function<T, Match> before,
                                   java.util.function.ObjIntConsumer<T> remember) {
        Match match = inBase.apply(candidate);
        if (match == null) {
            match = earlierRow(before.apply(candidate));
        }
        if (!row.hasErrors()) {
            remember.accept(candidate, row.number());
        }
        return new Line(row, match, proposed(row, match));
    }

    /** An earlier row's match, said as a duplicate of that row. */
    protected static Match earlierRow(Match before) {
        return before == null ? null : new Match(Reason.EARLIER_ROW, null, before.name(), before.row());
    }

    /** Refuses a match whose record went away between the preview and the import. */
    protected RuleViolationException gone(Line l) {
        return new RuleViolationException("import.match.gone", l.row().number(), l.match().name());
    }

    /**
     * The constant of {@code values} a cell names: its label ({@code prefix} + name in the bundle),
     * compared without case nor accents, or its code; empty when it names none.
     */
    protected static <E extends Enum<E>> Optional<E> named(I18n texts, E[] values, String prefix, String text) {
        String key = Text.searchKey(text);
        for (E e : values) {
            if (key.equals(Text.searchKey(texts.get(prefix + e.name()))) || key.equals(Text.searchKey(e.name()))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** A value the base has is kept; an empty one takes the row's. */
    protected static String pick(String mine, String theirs) {
        return mine == null || mine.isEmpty() ? theirs : mine;
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
}
