package fr.ancrage.service.imports;

import fr.ancrage.domain.imports.QpvColumn;
import fr.ancrage.domain.imports.QpvList;
import fr.ancrage.i18n.I18n;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** How the import of the QPV list is said, in the window and on the command line alike. */
public final class QpvListTexts {

    private final I18n i18n;

    public QpvListTexts(I18n i18n) {
        this.i18n = i18n;
    }

    /** How many QPVs of which geography and departments, and what would be done. */
    public String summary(QpvListImport.Preview p) {
        QpvList.Plan plan = p.plan();
        String geographies = plan.geographies().stream().map(g -> g.year()).collect(Collectors.joining(", "));
        String departments = plan.departments().size() > 8 ? i18n.format("import.qpv.departments.many",
                plan.departments().size()) : String.join(", ", plan.departments());
        long read = plan.lines().size() - plan.count(QpvList.Change.DISAPPEARED);
        return i18n.format("import.qpv.summary", read, geographies.isEmpty() ? "—" : geographies,
                departments.isEmpty() ? "—" : departments, plan.count(QpvList.Change.NEW),
                plan.count(QpvList.Change.UPDATED), plan.count(QpvList.Change.UNCHANGED),
                plan.count(QpvList.Change.REFUSED), plan.count(QpvList.Change.DISAPPEARED));
    }

    /** The columns recognised, as the file names them. */
    public String columns(QpvListImport.Preview p) {
        return i18n.format("import.qpv.columns", p.columns().keySet().stream()
                .map(c -> i18n.get("import.qpv.column." + c.name()) + " ← " + column(p, c))
                .collect(Collectors.joining(" ; ")));
    }

    /** A column as the user sees it in the file: its letter and its header. */
    public String column(QpvListImport.Preview p, QpvColumn c) {
        Integer index = p.columns().get(c);
        return index == null ? "" : i18n.format("import.qpv.columnLabel",
                fr.ancrage.documents.sheets.SheetRow.columnName(index), p.headers().get(index));
    }

    /** What the import does to the QPV, in a few words. */
    public String change(QpvList.Line l) {
        return i18n.get("import.qpv.change." + l.change().name());
    }

    /** The line's detail: what changes, its problems where they are, what becomes of one gone from the list. */
    public String detail(QpvListImport.Preview p, QpvList.Line l) {
        List<String> parts = new ArrayList<>();
        if (l.change() == QpvList.Change.UPDATED) {
            parts.add(i18n.format("import.qpv.detail.changed", l.changed().stream()
                    .map(f -> i18n.get("import.qpv.field." + f.name())).collect(Collectors.joining(", ")))
                    + (l.changed().contains(QpvList.Field.NAME)
                    ? " " + i18n.format("import.qpv.detail.renamed", l.existing().name(), l.name()) : "") + ".");
            if (l.usage() > 0) {
                parts.add(i18n.format("import.qpv.detail.used", l.usage()));
            }
        }
        if (l.change() == QpvList.Change.DISAPPEARED) {
            parts.add(i18n.format("import.qpv.detail.disappeared", l.usage()));
            if (!l.successor().isEmpty()) {
                parts.add(i18n.format("import.qpv.detail.successor", l.successor()));
            }
        }
        if (l.entry() != null) {
            l.entry().problems().forEach(problem -> parts.add(where(p, problem)
                    + i18n.format(problem.issue().messageKey(), problem.issue().args().toArray())));
        }
        return String.join(" ", parts);
    }

    /** « Ligne 6, colonne A « code_qp » : » as the user sees the file. */
    private String where(QpvListImport.Preview preview, QpvList.Problem p) {
        String column = p.column() == null ? "" : column(preview, p.column());
        return column.isEmpty() ? i18n.format("import.qpv.where.row", p.row())
                : i18n.format("import.qpv.where", p.row(), column);
    }

    /** What was done, counted. */
    public String done(List<QpvListImport.Done> done) {
        return i18n.format("import.qpv.done", count(done, QpvListImport.Outcome.CREATED),
                count(done, QpvListImport.Outcome.UPDATED), count(done, QpvListImport.Outcome.UNCHANGED),
                count(done, QpvListImport.Outcome.REFUSED), count(done, QpvListImport.Outcome.KEPT));
    }

    private static long count(List<QpvListImport.Done> done, QpvListImport.Outcome outcome) {
        return done.stream().filter(d -> d.outcome() == outcome).count();
    }
}
