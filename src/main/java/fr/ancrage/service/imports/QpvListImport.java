package fr.ancrage.service.imports;

import fr.ancrage.documents.sheets.Cell;
import fr.ancrage.documents.sheets.CellValues;
import fr.ancrage.documents.sheets.SheetFile;
import fr.ancrage.documents.sheets.SheetFileException;
import fr.ancrage.documents.sheets.Spreadsheets;
import fr.ancrage.domain.Commune;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.Text;
import fr.ancrage.domain.imports.QpvColumn;
import fr.ancrage.domain.imports.QpvList;
import fr.ancrage.persistence.Store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The import of the official QPV list (issue 18): the ANCT's CSV, a spreadsheet of the same
 * columns, or the attributes of its GeoJSON, read and compared with the base (nothing written),
 * then the new and changed QPVs written in one transaction. A QPV the list no longer holds is
 * kept and reported, with the conventions that target it.
 */
public final class QpvListImport {

    /** More rows than the national list has (about 1,600 QPVs of 2024, one row per commune at most a few thousand). */
    public static final int MAX_ROWS = 100_000;

    /** The file as read: its format, its headers, the column of each field recognised, and the plan. */
    public record Preview(Path file, SheetFile.Format format, List<String> headers, Map<QpvColumn, Integer> columns,
                          QpvList.Plan plan) {
    }

    /** What was done to a QPV of the plan. */
    public record Done(QpvList.Line line, Outcome outcome) {
    }

    public enum Outcome { CREATED, UPDATED, UNCHANGED, REFUSED, KEPT }

    private final Store store;

    public QpvListImport(Store store) {
        this.store = store;
    }

    /** Reads the file and compares it with the base. Nothing is written. */
    public Preview preview(Path file, BooleanSupplier cancelled) {
        List<QpvList.Row> rows = new ArrayList<>();
        List<String> headerCells = new ArrayList<>();
        Map<QpvColumn, Integer> columns = new EnumMap<>(QpvColumn.class);
        SheetFile.Format format;
        try (SheetFile f = Spreadsheets.open(file, null)) {
            format = f.format();
            int[] header = {-1};
            f.read(0, row -> {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException();
                }
                if (header[0] < 0) {
                    header[0] = row.number();
                    List<String> headers = row.cells().stream().map(Cell::text).toList();
                    headerCells.addAll(headers);
                    columns.putAll(QpvColumn.recognise(headers));
                    if (!columns.containsKey(QpvColumn.CODE) || !columns.containsKey(QpvColumn.NAME)) {
                        throw new RuleViolationException("import.qpv.columns.missing", file.getFileName().toString(),
                                String.join(", ", headers));
                    }
                    return true;
                }
                if (rows.size() >= MAX_ROWS) {
                    throw new RuleViolationException("import.qpv.tooManyRows", file.getFileName().toString(), MAX_ROWS);
                }
                Map<QpvColumn, String> values = new EnumMap<>(QpvColumn.class);
                columns.forEach((c, i) -> values.put(c, value(row.cell(i), c)));
                rows.add(new QpvList.Row(row.number(), values));
                return true;
            });
            if (header[0] < 0) {
                throw new RuleViolationException("import.qpv.columns.missing", file.getFileName().toString(), "");
            }
        } catch (SheetFileException e) {
            throw new RuleViolationException(e.messageKey(), e.args().toArray());
        }
        QpvList.Plan plan = store.read(r -> {
            Reference reference = new Reference(r.territories().departments().stream().map(d -> d.code()).toList(),
                    r.territories().epcis().stream().map(e -> e.siren()).toList(), r.territories().communes());
            return QpvList.plan(QpvList.entries(rows, reference), r.qpvs().list(), r.qpvs().usageCounts());
        });
        return new Preview(file, format, List.copyOf(headerCells), columns, plan);
    }

    /** A cell as the column reads it: a commune or department code typed as a number keeps its zero. */
    private static String value(Cell cell, QpvColumn column) {
        return switch (column) {
            case COMMUNE_CODES -> cell.kind() == Cell.Kind.NUMBER ? CellValues.code(cell, 5) : cell.text();
            case EPCI -> CellValues.code(cell, 9);
            default -> cell.text();
        };
    }

    /**
     * Writes the new and changed QPVs of the preview in one transaction: all or nothing. Each is
     * read again by its code: one typed meanwhile is updated, not doubled.
     */
    public List<Done> write(Preview preview) {
        return store.write(r -> {
            List<Done> done = new ArrayList<>();
            for (QpvList.Line l : preview.plan().lines()) {
                switch (l.change()) {
                    case REFUSED -> done.add(new Done(l, Outcome.REFUSED));
                    case DISAPPEARED -> done.add(new Done(l, Outcome.KEPT));
                    case NEW, UPDATED, UNCHANGED -> {
                        Optional<Qpv> now = r.qpvs().findByCode(l.code());
                        Qpv wanted = QpvList.apply(l.entry(), now.orElse(null));
                        if (now.isPresent() && QpvList.differences(now.get(), wanted).isEmpty()) {
                            done.add(new Done(l, Outcome.UNCHANGED));
                        } else {
                            r.qpvs().save(wanted);
                            done.add(new Done(l, now.isPresent() ? Outcome.UPDATED : Outcome.CREATED));
                        }
                    }
                }
            }
            return done;
        });
    }

    /** The reference data, indexed. */
    private static final class Reference implements QpvList.Reference {
        private final Set<String> departments;
        private final Set<String> epcis;
        private final Map<String, Commune> communes = new HashMap<>();
        private final Map<String, List<Commune>> byName = new HashMap<>();

        Reference(List<String> departments, List<String> epcis, List<Commune> all) {
            this.departments = new HashSet<>(departments);
            this.epcis = new HashSet<>(epcis);
            for (Commune c : all) {
                communes.put(c.code(), c);
                byName.computeIfAbsent(c.departmentCode() + "/" + Text.searchKey(c.name()), k -> new ArrayList<>()).add(c);
            }
        }

        @Override
        public boolean hasDepartment(String code) {
            return departments.contains(code);
        }

        @Override
        public boolean hasEpci(String siren) {
            return epcis.contains(siren);
        }

        @Override
        public Optional<Commune> commune(String code) {
            return Optional.ofNullable(communes.get(code));
        }

        @Override
        public List<Commune> communesNamed(String name, String department) {
            return byName.getOrDefault(department + "/" + Text.searchKey(name), List.of());
        }
    }
}
