package fr.ancrage.service.documents;

import fr.ancrage.documents.Workbook;
import fr.ancrage.documents.Workbook.Kind;
import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.OrganisationListItem;
import fr.ancrage.i18n.I18n;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Lists as spreadsheets: the columns each list can export (named like the columns of its table on
 * screen, so that the screen exports the columns it shows, in their order) and the workbook of a
 * list, with a second sheet saying which filters made it.
 */
public final class ListExports {

    /** A column of an exported list: {@code id} is the screen column it stands for. */
    public record ListColumn<T>(String id, String header, Kind kind, Function<T, Object> value) {
    }

    private ListExports() {
    }

    public static List<ListColumn<ConventionListItem>> conventionColumns(I18n i18n) {
        return List.of(
                new ListColumn<>("referenceColumn", i18n.get("conventions.column.reference"), Kind.CODE, ConventionListItem::reference),
                new ListColumn<>("titleColumn", i18n.get("conventions.column.title"), Kind.TEXT, ConventionListItem::title),
                new ListColumn<>("companyColumn", i18n.get("conventions.column.company"), Kind.TEXT, ConventionListItem::companyName),
                new ListColumn<>("frameworkColumn", i18n.get("conventions.column.framework"), Kind.TEXT, c -> i18n.label(c.framework())),
                new ListColumn<>("statusColumn", i18n.get("conventions.column.status"), Kind.TEXT, c -> i18n.label(c.status())),
                new ListColumn<>("departmentColumn", i18n.get("conventions.column.department"), Kind.CODE, ConventionListItem::departmentCode),
                new ListColumn<>("epciColumn", i18n.get("conventions.column.epci"), Kind.TEXT, ConventionListItem::epciName),
                new ListColumn<>("referentColumn", i18n.get("conventions.column.referent"), Kind.TEXT, ConventionListItem::stateReferent),
                new ListColumn<>("signatureColumn", i18n.get("conventions.column.signature"), Kind.DATE, ConventionListItem::signatureDate),
                new ListColumn<>("startColumn", i18n.get("conventions.column.start"), Kind.DATE, ConventionListItem::startDate),
                new ListColumn<>("endColumn", i18n.get("conventions.column.end"), Kind.DATE, ConventionListItem::endDate));
    }

    public static List<ListColumn<OrganisationListItem>> organisationColumns(I18n i18n) {
        return List.of(
                new ListColumn<>("nameColumn", i18n.get("organisations.column.name"), Kind.TEXT, o -> o.organisation().legalName()),
                new ListColumn<>("kindColumn", i18n.get("organisations.column.kind"), Kind.TEXT, o -> i18n.label(o.organisation().kind())),
                new ListColumn<>("siretColumn", i18n.get("organisations.column.siret"), Kind.CODE,
                        // the 14 digits registers match on, never spaced (issue 16)
                        o -> o.organisation().siret().isEmpty() ? null : o.organisation().siret()),
                new ListColumn<>("communeColumn", i18n.get("organisations.column.commune"), Kind.TEXT, OrganisationListItem::communeName),
                new ListColumn<>("epciColumn", i18n.get("organisations.column.epci"), Kind.TEXT, OrganisationListItem::epciName),
                new ListColumn<>("conventionsColumn", i18n.get("organisations.column.conventions"), Kind.INTEGER,
                        OrganisationListItem::conventionCount));
    }

    /** The signatories of a convention, in signing order (the list the press and the ceremony ask for). */
    public static List<ListColumn<fr.ancrage.domain.Signatory>> signatoryColumns(I18n i18n) {
        return List.of(
                new ListColumn<>("signatoryOrderColumn", i18n.get("signatories.column.order"), Kind.INTEGER,
                        fr.ancrage.domain.Signatory::position),
                new ListColumn<>("signatoryRoleColumn", i18n.get("signatories.column.role"), Kind.TEXT, s -> i18n.label(s.role())),
                new ListColumn<>("signatoryNameColumn", i18n.get("signatories.column.name"), Kind.TEXT,
                        fr.ancrage.domain.Signatory::fullName),
                new ListColumn<>("signatoryTitleColumn", i18n.get("signatories.column.title"), Kind.TEXT,
                        fr.ancrage.domain.Signatory::jobTitle));
    }

    /** The columns whose ids are given, in that order (the visible columns of a table). */
    public static <T> List<ListColumn<T>> select(List<ListColumn<T>> columns, List<String> ids) {
        List<ListColumn<T>> chosen = new ArrayList<>();
        for (String id : ids) {
            columns.stream().filter(c -> c.id().equals(id)).findFirst().ifPresent(chosen::add);
        }
        return chosen;
    }

    /**
     * A list as a workbook: the rows in the given order on the first sheet, and the filters that
     * chose them (label → value; none: « aucun filtre ») on a second sheet.
     */
    public static <T> Workbook workbook(I18n i18n, String title, String sheetName, List<ListColumn<T>> columns,
                                        List<T> items, Map<String, String> filters, OffsetDateTime created) {
        List<Workbook.Column> header = columns.stream().map(c -> Workbook.Column.of(c.header(), c.kind())).toList();
        List<List<Object>> rows = new ArrayList<>(items.size());
        for (T item : items) {
            List<Object> row = new ArrayList<>(columns.size());
            for (ListColumn<T> c : columns) {
                Object v = c.value().apply(item);
                row.add(v instanceof String s && s.isEmpty() ? null : v);
            }
            rows.add(row);
        }
        List<List<Object>> criteria = new ArrayList<>();
        criteria.add(List.of(i18n.get("doc.list.exported"), new DocFormats(i18n).date(created.toLocalDate())));
        criteria.add(List.of(i18n.get("doc.list.rows"), Integer.toString(items.size())));
        if (filters.isEmpty()) {
            criteria.add(List.of(i18n.get("doc.list.filters"), i18n.get("doc.list.noFilter")));
        } else {
            filters.forEach((label, value) -> criteria.add(List.of(label, value)));
        }
        return new Workbook(title, created, List.of(new Workbook.Sheet(sheetName, header, rows),
                new Workbook.Sheet(i18n.get("doc.list.filterSheet"), List.of(
                        new Workbook.Column(i18n.get("doc.bilan.item"), Kind.TEXT, 30),
                        new Workbook.Column(i18n.get("doc.bilan.value"), Kind.TEXT, 50)), criteria)));
    }
}
