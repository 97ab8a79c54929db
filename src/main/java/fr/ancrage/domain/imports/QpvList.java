package fr.ancrage.domain.imports;

import fr.ancrage.domain.Commune;
import fr.ancrage.domain.GeographyVersion;
import fr.ancrage.domain.NameSimilarity;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.Text;
import fr.ancrage.domain.validation.Issue;
import fr.ancrage.domain.validation.QpvCode;
import fr.ancrage.domain.validation.TextLimits;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The official QPV list read against the base (issue 18): the rows of the file grouped by QPV code
 * (a QPV over several communes may take one row per commune), each checked against the reference
 * data, then compared with the base's QPVs: new, updated (and what changed), unchanged, refused
 * (and why), and the base's QPVs the list no longer holds. The geography is the code's (QP: 2015,
 * QN: 2024). Nothing of the base is removed: a QPV gone from the list stays, with the number of
 * conventions targeting it, so that no signed convention loses its neighbourhood.
 */
public final class QpvList {

    /** Longest list of commune codes a QPV keeps (the column's size). */
    static final int MAX_COMMUNE_CHARS = 500;

    private static final Pattern CODE_SEPARATORS = Pattern.compile("[\\s,;/|]+");
    private static final Pattern NAME_SEPARATORS = Pattern.compile("\\s*[,;/|]\\s*");

    /** The reference data a row is checked against. */
    public interface Reference {
        boolean hasDepartment(String code);

        boolean hasEpci(String siren);

        Optional<Commune> commune(String code);

        /** The communes of the department with that name (compared as {@link Text#searchKey}). */
        List<Commune> communesNamed(String name, String department);
    }

    /** A row of the file: its number as the user sees it, and its cells by column, as text. */
    public record Row(int number, Map<QpvColumn, String> values) {
        public Row {
            values = Map.copyOf(values);
        }

        String get(QpvColumn column) {
            return Text.cleanLine(values.getOrDefault(column, ""));
        }
    }

    /** A problem of a row, on a column (null: the whole row). */
    public record Problem(int row, QpvColumn column, Issue issue) {
    }

    /** A QPV of the file, from its rows. */
    public record Entry(String code, GeographyVersion geography, String name, String department, String epci,
                        List<String> communes, List<Integer> rows, List<Problem> problems) {

        public Entry {
            communes = List.copyOf(communes);
            rows = List.copyOf(rows);
            problems = List.copyOf(problems);
        }

        public boolean refused() {
            return geography == null || problems.stream().anyMatch(p -> p.issue().isError());
        }
    }

    /** What the import does to a QPV. */
    public enum Change { NEW, UPDATED, UNCHANGED, REFUSED, DISAPPEARED }

    /** The fields an update changes, named for the report. */
    public enum Field { NAME, DEPARTMENT, EPCI, COMMUNES }

    /**
     * One QPV of the plan. {@code entry}: the file's (null for one the list no longer holds);
     * {@code existing}: the base's (null for a new one); {@code usage}: conventions targeting the
     * base's; {@code successor}: for one gone from the list, the new code of the same name and
     * department the list holds instead, or "".
     */
    public record Line(Change change, String code, String name, Entry entry, Qpv existing, List<Field> changed,
                       int usage, String successor) {
        public Line {
            changed = List.copyOf(changed);
        }
    }

    /** Every QPV of the file and every base QPV it no longer holds, in the order of the codes. */
    public record Plan(List<Line> lines, Set<GeographyVersion> geographies, Set<String> departments) {
        public Plan {
            lines = List.copyOf(lines);
            geographies = Set.copyOf(geographies);
            departments = Set.copyOf(departments);
        }

        public long count(Change change) {
            return lines.stream().filter(l -> l.change() == change).count();
        }
    }

    private QpvList() {
    }

    /** Groups and checks the rows: one entry per code, in the order of first appearance; a row without a valid code is an entry alone, refused. */
    public static List<Entry> entries(List<Row> rows, Reference reference) {
        Map<String, List<Row>> byCode = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        List<Object> order = new ArrayList<>();
        for (Row row : rows) {
            String code = QpvCode.normalize(row.get(QpvColumn.CODE));
            List<Issue> codeIssues = code.isEmpty() ? List.of(Issue.error("import.qpv.code.missing"))
                    : QpvCode.check(code);
            if (!codeIssues.isEmpty()) {
                Problem p = new Problem(row.number(), QpvColumn.CODE, codeIssues.getFirst());
                order.add(new Entry(code, null, row.get(QpvColumn.NAME), "", "", List.of(), List.of(row.number()),
                        List.of(p)));
                continue;
            }
            if (!byCode.containsKey(code)) {
                order.add(code);
            }
            byCode.computeIfAbsent(code, k -> new ArrayList<>()).add(row);
        }
        for (Object o : order) {
            entries.add(o instanceof Entry e ? e : entry((String) o, byCode.get(o), reference));
        }
        return entries;
    }

    private static Entry entry(String code, List<Row> rows, Reference reference) {
        List<Problem> problems = new ArrayList<>();
        GeographyVersion geography = QpvCode.versionOf(code).orElseThrow();
        String department = QpvCode.departmentCodeOf(code);
        int first = rows.getFirst().number();
        if (!reference.hasDepartment(department)) {
            problems.add(new Problem(first, QpvColumn.CODE, Issue.error("import.qpv.department.unknown", department)));
        }
        String name = "";
        String epci = "";
        Set<String> communes = new LinkedHashSet<>();
        for (Row row : rows) {
            String n = row.get(QpvColumn.NAME);
            if (name.isEmpty()) {
                name = n;
            } else if (!n.isEmpty() && !Text.searchKey(n).equals(Text.searchKey(name))) {
                problems.add(new Problem(row.number(), QpvColumn.NAME, Issue.warning("import.qpv.name.other", n, name)));
            }
            String dep = departmentOf(row.get(QpvColumn.DEPARTMENT));
            if (!dep.isEmpty() && !dep.equals(department)) {
                problems.add(new Problem(row.number(), QpvColumn.DEPARTMENT,
                        Issue.warning("import.qpv.department.other", dep, department)));
            }
            String siren = row.get(QpvColumn.EPCI).replaceAll("\\s", "");
            if (!siren.isEmpty() && epci.isEmpty()) {
                if (reference.hasEpci(siren)) {
                    epci = siren;
                } else {
                    problems.add(new Problem(row.number(), QpvColumn.EPCI, Issue.warning("import.qpv.epci.unknown", siren)));
                }
            }
            communes.addAll(communes(row, department, reference, problems));
        }
        if (name.isEmpty()) {
            problems.add(new Problem(first, QpvColumn.NAME, Issue.error("import.qpv.name.missing")));
        } else if (name.length() > TextLimits.NAME) {
            problems.add(new Problem(first, QpvColumn.NAME, Issue.error("import.qpv.name.tooLong", TextLimits.NAME)));
        }
        if (epci.isEmpty()) {
            // the EPCI of its communes, when the list does not give one the reference data knows
            epci = communes.stream().map(c -> reference.commune(c).map(Commune::epciSiren).orElse(null))
                    .filter(s -> s != null && !s.isEmpty() && reference.hasEpci(s)).findFirst().orElse("");
        }
        if (String.join(",", communes).length() > MAX_COMMUNE_CHARS) {
            problems.add(new Problem(first, QpvColumn.COMMUNE_CODES, Issue.error("import.qpv.communes.tooMany",
                    communes.size())));
        }
        return new Entry(code, geography, name, department, epci, new ArrayList<>(communes),
                rows.stream().map(Row::number).toList(), problems);
    }

    /** The row's communes, by their INSEE codes, else by their names within the department. */
    private static List<String> communes(Row row, String department, Reference reference, List<Problem> problems) {
        List<String> found = new ArrayList<>();
        String codes = row.get(QpvColumn.COMMUNE_CODES);
        if (!codes.isEmpty()) {
            for (String c : CODE_SEPARATORS.split(codes)) {
                String code = c.length() == 4 && c.chars().allMatch(Character::isDigit) ? "0" + c : c.toUpperCase(java.util.Locale.ROOT);
                if (code.isEmpty()) {
                    continue;
                }
                if (reference.commune(code).isPresent()) {
                    found.add(code);
                } else {
                    problems.add(new Problem(row.number(), QpvColumn.COMMUNE_CODES,
                            Issue.warning("import.qpv.commune.unknownCode", code)));
                }
            }
            return found;
        }
        String names = row.get(QpvColumn.COMMUNE_NAMES);
        for (String name : NAME_SEPARATORS.split(names)) {
            if (name.isBlank()) {
                continue;
            }
            List<Commune> named = reference.communesNamed(name, department);
            if (named.size() == 1) {
                found.add(named.getFirst().code());
            } else {
                problems.add(new Problem(row.number(), QpvColumn.COMMUNE_NAMES, named.isEmpty()
                        ? Issue.warning("import.qpv.commune.unknown", name, department)
                        : Issue.warning("import.qpv.commune.ambiguous", name, named.size())));
            }
        }
        return found;
    }

    /** A department as the lists write it: 59, 059, 2A, 971, or a number cell 1 for 01. */
    static String departmentOf(String text) {
        String d = text.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
        if (d.length() == 1 && Character.isDigit(d.charAt(0))) {
            return "0" + d;
        }
        if (d.length() == 3 && d.charAt(0) == '0') {
            return d.substring(1);
        }
        return d;
    }

    /**
     * Compares the entries with the base's QPVs. {@code usage}: conventions per QPV id. A base QPV
     * is gone from the list when its geography and its department are among the list's (a list of
     * one department says nothing of the others) and the list does not hold its code.
     */
    public static Plan plan(List<Entry> entries, List<Qpv> base, Map<UUID, Integer> usage) {
        Map<String, Qpv> byCode = new HashMap<>();
        base.forEach(q -> byCode.put(q.code(), q));
        Set<GeographyVersion> geographies = new TreeSet<>();
        Set<String> departments = new TreeSet<>();
        Set<String> listed = new java.util.HashSet<>();
        List<Line> lines = new ArrayList<>();
        for (Entry e : entries) {
            if (e.geography() != null) {
                geographies.add(e.geography());
                departments.add(e.department());
                listed.add(e.code());
            }
            Qpv existing = e.geography() == null ? null : byCode.get(e.code());
            int used = existing == null ? 0 : usage.getOrDefault(existing.id(), 0);
            if (e.refused()) {
                lines.add(new Line(Change.REFUSED, e.code(), e.name(), e, existing, List.of(), used, ""));
            } else if (existing == null) {
                lines.add(new Line(Change.NEW, e.code(), e.name(), e, null, List.of(), 0, ""));
            } else {
                List<Field> changed = differences(existing, apply(e, existing));
                lines.add(new Line(changed.isEmpty() ? Change.UNCHANGED : Change.UPDATED, e.code(), e.name(), e,
                        existing, changed, used, ""));
            }
        }
        Map<String, String> newByName = new HashMap<>();
        for (Line l : lines) {
            if (l.change() == Change.NEW) {
                newByName.putIfAbsent(successorKey(l.entry().geography(), l.entry().department(), l.name()), l.code());
            }
        }
        base.stream().filter(q -> geographies.contains(q.geographyVersion()) && departments.contains(q.departmentCode())
                        && !listed.contains(q.code()))
                .forEach(q -> lines.add(new Line(Change.DISAPPEARED, q.code(), q.name(), null, q, List.of(),
                        usage.getOrDefault(q.id(), 0),
                        newByName.getOrDefault(successorKey(q.geographyVersion(), q.departmentCode(), q.name()), ""))));
        lines.sort(Comparator.comparing(Line::code));
        return new Plan(lines, geographies, departments);
    }

    private static String successorKey(GeographyVersion geography, String department, String name) {
        return geography + "/" + department + "/" + NameSimilarity.key(name);
    }

    /**
     * The QPV as the list says it: a new one, or the base's with the list's name, department, EPCI
     * and communes (the base's EPCI and communes kept when the list gives none), its id, version
     * and history kept so that the conventions targeting it keep it.
     */
    public static Qpv apply(Entry e, Qpv existing) {
        if (existing == null) {
            return new Qpv(RecordMeta.fresh(), e.code(), e.name(), e.geography(), e.department(), e.epci(), e.communes());
        }
        return new Qpv(existing.meta(), existing.code(), e.name(), e.geography(), e.department(),
                e.epci().isEmpty() ? existing.epciSiren() : e.epci(),
                e.communes().isEmpty() ? existing.communeCodes() : e.communes());
    }

    /** What differs between the base's QPV and the list's. */
    public static List<Field> differences(Qpv before, Qpv after) {
        Map<Field, Boolean> d = new EnumMap<>(Field.class);
        d.put(Field.NAME, !before.name().equals(after.name()));
        d.put(Field.DEPARTMENT, !before.departmentCode().equals(after.departmentCode()));
        d.put(Field.EPCI, !before.epciSiren().equals(after.epciSiren()));
        d.put(Field.COMMUNES, !new TreeSet<>(before.communeCodes()).equals(new TreeSet<>(after.communeCodes())));
        return d.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }
}
