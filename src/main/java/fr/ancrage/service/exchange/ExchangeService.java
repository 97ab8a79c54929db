package fr.ancrage.service.exchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.ancrage.documents.PackageArchive;
import fr.ancrage.documents.SafeFiles;
import fr.ancrage.domain.ConventionRules;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.exchange.FieldValue;
import fr.ancrage.domain.exchange.Merge;
import fr.ancrage.domain.exchange.RecordState;
import fr.ancrage.domain.validation.Issue;
import fr.ancrage.domain.validation.MessageKey;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.ExchangeKind;
import fr.ancrage.persistence.ExchangeRepository;
import fr.ancrage.persistence.Repositories;
import fr.ancrage.persistence.Store;
import fr.ancrage.service.documents.Producer;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Exchange between offline bases (issue 17, decision 0019): a package of the records of a scope,
 * with the clock of every field, written here and imported in another base, where it is merged
 * field by field; what both sides changed differently is shown and answered before anything is
 * written, and then everything is written in one transaction.
 */
public final class ExchangeService {

    /** What an export wrote. */
    public record ExportResult(UUID packageId, Path file, Map<ExchangeKind, Integer> counts, int total) {
    }

    /** A base this one exchanged with, and when last. */
    public record Peer(UUID id, String name, Instant lastSent, Instant lastReceived) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;
    private final Clock clock;
    private final I18n texts;
    /** The last package {@link #read}: its preview's, for the import that follows. */
    private volatile Read lastRead;

    public ExchangeService(Store store, Clock clock, I18n texts) {
        this.store = store;
        this.clock = clock;
        this.texts = texts;
    }

    // --- Export --------------------------------------------------------------------------------

    /** Writes the package of {@code scope} to {@code target} (whole or not at all) and keeps it in the history. */
    public ExportResult export(ExchangeScope scope, Path target, BooleanSupplier cancelled) throws IOException {
        OffsetDateTime created = now();
        try {
            return store.write(r -> {
                ExchangeRepository ex = r.exchange();
                long counter = ex.nextClock();
                ex.catchUpAll(counter);
                long since = -1;
                if (scope.kind() == ExchangeScope.Kind.CHANGES) {
                    since = ex.history().stream().filter(e -> "EXPORT".equals(e.direction())
                                    && scope.peer().equals(e.peerId())).mapToLong(ExchangeRepository.LogEntry::clockAt)
                            .max().orElse(-1);
                }
                Map<ExchangeKind, Set<UUID>> selected = select(scope, ex, since);
                ExchangePackage p = assemble(ex, scope, selected, created.toInstant());
                Map<ExchangeKind, Integer> counts = new LinkedHashMap<>();
                p.records().forEach((k, list) -> counts.put(k, list.size()));
                try {
                    SafeFiles.write(target, out -> writeZip(p, created, out), cancelled);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                ex.log(new ExchangeRepository.LogEntry(UUID.randomUUID(), "EXPORT", p.id(), p.createdAt(),
                        scope.peer(), scope.kind() == ExchangeScope.Kind.CHANGES ? scope.label() : null,
                        scope.kind().name(), scopeLabel(scope), clock.instant(), counter, counts(counts), "WRITTEN",
                        null));
                return new ExportResult(p.id(), target, counts, p.size());
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private OffsetDateTime now() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        return now.minusSeconds(now.getSecond() % 2);
    }

    private String scopeLabel(ExchangeScope scope) {
        return switch (scope.kind()) {
            case BASE -> texts.get("exchange.scope.BASE");
            case DEPARTMENT, EPCI -> texts.format("exchange.scope." + scope.kind().name(), scope.label());
            case CONVENTIONS -> texts.format("exchange.scope.CONVENTIONS", scope.conventions().size());
            case CHANGES -> texts.format("exchange.scope.CHANGES", scope.label());
        };
    }

    /** The ids of every kind the package holds: the scope's records, what they own and what they name. */
    private static Map<ExchangeKind, Set<UUID>> select(ExchangeScope scope, ExchangeRepository ex, long since) {
        Map<ExchangeKind, Set<UUID>> sel = new LinkedHashMap<>();
        for (ExchangeKind k : ExchangeKind.values()) {
            sel.put(k, new LinkedHashSet<>());
        }
        switch (scope.kind()) {
            case BASE -> {
                for (ExchangeKind k : ExchangeKind.values()) {
                    sel.get(k).addAll(ex.knownIds(k));
                }
                return sel;
            }
            case CHANGES -> {
                for (ExchangeKind k : ExchangeKind.values()) {
                    sel.get(k).addAll(ex.changedSince(k, since));
                }
                references(ex, sel);
                return sel;
            }
            case DEPARTMENT, EPCI -> {
                String dept = scope.kind() == ExchangeScope.Kind.DEPARTMENT ? scope.code() : null;
                String epci = scope.kind() == ExchangeScope.Kind.EPCI ? scope.code() : null;
                sel.get(ExchangeKind.CONVENTION).addAll(ex.conventionsOf(dept, epci));
                sel.get(ExchangeKind.QPV).addAll(ex.qpvsOf(dept, epci));
            }
            case CONVENTIONS -> sel.get(ExchangeKind.CONVENTION).addAll(scope.conventions());
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ExchangeKind k : ExchangeKind.values()) {
                ExchangeKind owner = ExchangeRepository.ownerKind(k);
                if (owner != null) {
                    grew |= sel.get(k).addAll(ex.owned(k, sel.get(owner)));
                }
            }
            grew |= references(ex, sel);
        }
        return sel;
    }

    /** Adds the records the selected ones name; true when something was added. */
    private static boolean references(ExchangeRepository ex, Map<ExchangeKind, Set<UUID>> sel) {
        boolean grewAny = false;
        boolean grew = true;
        Set<UUID> done = new HashSet<>();
        while (grew) {
            grew = false;
            for (ExchangeKind k : ExchangeKind.values()) {
                List<UUID> todo = sel.get(k).stream().filter(id -> !done.contains(id)).toList();
                if (todo.isEmpty()) {
                    continue;
                }
                done.addAll(todo);
                Map<String, ExchangeKind> refs = ExchangeRepository.referenceFields(k);
                for (RecordState s : ex.states(todo).values()) {
                    if (s.isDeleted()) {
                        continue;
                    }
                    for (var f : s.fields().entrySet()) {
                        ExchangeKind target = refs.get(f.getKey());
                        List<UUID> named = new ArrayList<>();
                        if (target != null && f.getValue().value() != null) {
                            for (String id : f.getValue().value().split(",")) {
                                named.add(UUID.fromString(id));
                            }
                        } else if (k == ExchangeKind.ENGAGEMENT && f.getKey().startsWith(ExchangeRepository.TARGET_PREFIX)) {
                            target = ExchangeKind.INDICATOR;
                            named.add(UUID.fromString(f.getKey().split("/")[1]));
                        }
                        if (target != null && sel.get(target).addAll(named)) {
                            grew = true;
                            grewAny = true;
                        }
                    }
                }
            }
        }
        return grewAny;
    }

    private static ExchangePackage assemble(ExchangeRepository ex, ExchangeScope scope,
                                            Map<ExchangeKind, Set<UUID>> selected, Instant created) {
        Map<ExchangeKind, List<Incoming>> records = new LinkedHashMap<>();
        for (var e : selected.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            List<UUID> ids = new ArrayList<>(e.getValue());
            ids.sort(null);
            Map<UUID, RecordState> states = ex.states(ids);
            var rows = ex.rows(e.getKey(), ids);
            List<Incoming> list = new ArrayList<>();
            for (UUID id : ids) {
                RecordState s = states.get(id);
                if (s == null) {
                    continue;
                }
                var row = rows.get(id);
                list.add(new Incoming(e.getKey(), s, row == null ? 0 : row.version(),
                        row == null ? created : row.createdAt(), row == null ? created : row.updatedAt()));
            }
            if (!list.isEmpty()) {
                records.put(e.getKey(), list);
            }
        }
        return new ExchangePackage(fr.ancrage.domain.Ids.newId(), created, ex.baseId(), ex.baseName(), scope, records);
    }

    private void writeZip(ExchangePackage p, OffsetDateTime created, OutputStream out) throws IOException {
        List<UUID> bases = PackageJson.bases(p);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (var e : p.records().entrySet()) {
            files.put(PackageJson.DATA + e.getKey().file() + ".json", PackageJson.records(e.getKey(), e.getValue(), bases));
        }
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.setLevel(6);
        put(zip, "manifest.json", manifest(p, bases, files, created), created);
        for (var f : files.entrySet()) {
            put(zip, f.getKey(), f.getValue(), created);
        }
        zip.finish();
        zip.flush();
    }

    private static void put(ZipOutputStream zip, String path, byte[] content, OffsetDateTime created) throws IOException {
        ZipEntry entry = new ZipEntry(path);
        entry.setTimeLocal(created.toLocalDateTime());
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    private byte[] manifest(ExchangePackage p, List<UUID> bases, Map<String, byte[]> files, OffsetDateTime created) {
        ObjectNode m = JSON.createObjectNode();
        m.put("format", "ancrage-paquet");
        m.put("formatVersion", PackageJson.FORMAT_VERSION);
        m.put("kind", PackageJson.KIND);
        m.put("id", p.id().toString());
        String baseName = p.baseName().isBlank() ? texts.get("exchange.base.unnamed") : p.baseName();
        m.put("title", texts.format("exchange.package.title", baseName, scopeLabel(p.scope())));
        ObjectNode base = m.putObject("base");
        base.put("id", p.baseId().toString());
        base.put("name", p.baseName());
        ObjectNode scope = m.putObject("scope");
        scope.put("kind", p.scope().kind().name());
        scope.put("code", p.scope().code());
        scope.put("label", scopeLabel(p.scope()));
        scope.putNull("year");
        scope.putNull("ceremony");
        ArrayNode b = m.putArray("bases");
        bases.forEach(id -> b.add(id.toString()));
        ObjectNode producer = m.putObject("producer");
        producer.put("name", Producer.NAME);
        producer.put("version", Producer.VERSION);
        m.put("createdAt", created.toString());
        m.put("language", texts.locale().getLanguage());
        ArrayNode list = m.putArray("files");
        files.forEach((path, content) -> {
            ObjectNode f = list.addObject();
            f.put("path", path);
            f.put("mediaType", "application/json");
            f.put("size", content.length);
            f.put("sha256", PackageArchive.sha256(content));
        });
        ObjectNode counts = m.putObject("records");
        p.records().forEach((k, l) -> counts.put(k.file(), l.size()));
        return PackageJson.bytes(m);
    }

    private static String counts(Map<ExchangeKind, Integer> counts) {
        ObjectNode n = JSON.createObjectNode();
        counts.forEach((k, v) -> n.put(k.label(), v));
        return n.toString();
    }

    // --- Import --------------------------------------------------------------------------------

    /**
     * Reads and checks {@code file}: refused ({@link RuleViolationException}) when anything is wrong.
     * The last package read is kept (softly) with the digest of its bytes: the import that follows
     * its preview reads the file again but, when its bytes are the same, does not parse and check
     * its records again (a second or more for a thousand conventions).
     */
    public ExchangePackage read(Path file) {
        byte[] zip = PackageOpening.load(file);
        String digest = PackageArchive.sha256(zip);
        Read last = lastRead;
        ExchangePackage kept = last != null && last.digest().equals(digest) ? last.kept().get() : null;
        if (kept != null) {
            return kept;
        }
        ExchangePackage p = PackageOpening.open(file, zip);
        lastRead = new Read(digest, new SoftReference<>(p));
        return p;
    }

    /** The last package read and the digest of its bytes. */
    private record Read(String digest, SoftReference<ExchangePackage> kept) {
    }

    /** What importing {@code file} would do, nothing written. */
    public ImportPlan preview(Path file) {
        return preview(file, Decisions.keepMine());
    }

    /**
     * What importing {@code file} with these answers would do (the matches the user keeps apart
     * change what is new), nothing written: the same checks and merge as the import, in a
     * transaction rolled back, without writing the records themselves (the import writes them;
     * a constraint of the database that no check foresaw would refuse the import then, whole).
     */
    public ImportPlan preview(Path file, Decisions answers) {
        return preview(read(file), answers);
    }

    ImportPlan preview(ExchangePackage p) {
        return preview(p, Decisions.keepMine());
    }

    ImportPlan preview(ExchangePackage p, Decisions answers) {
        try {
            store.write(r -> {
                throw new Rollback(run(p, r, answers, false, () -> false));
            });
        } catch (Rollback rollback) {
            return rollback.plan;
        }
        throw new IllegalStateException();
    }

    /**
     * Imports {@code file} with the user's {@code answers}, in one transaction. {@code expected}:
     * the preview the user answered; when the import meets a conflict that preview did not show (the
     * base changed since), it is refused and nothing is written.
     */
    public ImportPlan importPackage(Path file, Decisions answers, ImportPlan expected) {
        return importPackage(file, answers, expected, () -> false);
    }

    /**
     * {@link #importPackage(Path, Decisions, ImportPlan)} that stops, nothing written, when
     * {@code cancelled} answers true at one of its steps: a {@link CancellationException} then,
     * and the transaction rolled back. Past its last step (the history written), it ends whole.
     */
    public ImportPlan importPackage(Path file, Decisions answers, ImportPlan expected, BooleanSupplier cancelled) {
        ExchangePackage p = read(file);
        return importPackage(p, answers, expected, cancelled);
    }

    ImportPlan importPackage(ExchangePackage p, Decisions answers, ImportPlan expected) {
        return importPackage(p, answers, expected, () -> false);
    }

    ImportPlan importPackage(ExchangePackage p, Decisions answers, ImportPlan expected, BooleanSupplier cancelled) {
        return store.write(r -> {
            ImportPlan plan = run(p, r, answers, true, cancelled);
            // a conflict the user was not shown refuses the import; one shown that is gone (a match kept
            // apart, a record changed meanwhile to the same value) does not
            if (expected != null && !conflictKeys(expected).containsAll(conflictKeys(plan))) {
                throw new RuleViolationException("exchange.refused.changedMeanwhile");
            }
            return plan;
        });
    }

    private static Set<String> conflictKeys(ImportPlan plan) {
        Set<String> keys = new HashSet<>();
        for (ImportPlan.Item i : plan.items()) {
            if (i.isConflict()) {
                keys.add(i.id() + "/" + i.recordConflict());
                i.conflicts().forEach(c -> keys.add(i.id() + "/" + c.field()));
            }
        }
        return keys;
    }

    private static final class Rollback extends RuntimeException {
        final transient ImportPlan plan;

        Rollback(ImportPlan plan) {
            super(null, null, false, false);
            this.plan = plan;
        }
    }

    /** One record of the package on its way in. */
    private static final class Step {
        final ExchangeKind kind;
        final Incoming incoming;
        RecordState remote;
        ExchangeRepository.Local local;
        Merge.Result result;
        RecordState result_final;

        Step(ExchangeKind kind, Incoming incoming) {
            this.kind = kind;
            this.incoming = incoming;
        }
    }

    /** Plans the import of {@code p} and, when {@code write}, writes it; {@code stop} is asked between its steps. */
    private ImportPlan run(ExchangePackage p, Repositories r, Decisions answers, boolean write, BooleanSupplier stop) {
        ExchangeRepository ex = r.exchange();
        UUID me = ex.baseId();
        if (p.baseId().equals(me)) {
            throw new RuleViolationException("exchange.refused.ownPackage");
        }
        Instant already = ex.history().stream().filter(e -> "IMPORT".equals(e.direction())
                && p.id().equals(e.packageId())).map(ExchangeRepository.LogEntry::doneAt).findFirst().orElse(null);
        long counter = ex.nextClock();
        long decided = ex.nextClock();
        Instant now = clock.instant();
        Map<UUID, UUID> aliases = new HashMap<>(ex.aliases());
        List<ImportPlan.Match> matches = new ArrayList<>();
        List<ImportPlan.Renumbering> renumberings = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        Map<UUID, RecordState> finals = new HashMap<>();
        Set<UUID> created = new HashSet<>();
        for (var e : p.records().entrySet()) {
            stopIf(stop);
            ExchangeKind kind = e.getKey();
            List<Step> ofKind = new ArrayList<>();
            for (Incoming in : e.getValue()) {
                Step s = new Step(kind, in);
                s.remote = rewrite(kind, in.state(), aliases);
                ofKind.add(s);
            }
            Map<UUID, ExchangeRepository.Local> locals = ex.catchUp(kind,
                    ofKind.stream().map(s -> s.remote.id()).toList(), counter);
            // the records new here that may be the same real-world thing as one of the base's, looked up together
            Map<UUID, Map<String, String>> unknown = new LinkedHashMap<>();
            for (Step s : ofKind) {
                s.local = locals.get(s.remote.id());
                if (s.local == null && !s.remote.isDeleted() && kind.identity() != ExchangeKind.Identity.NONE
                        && !namesANewRecord(kind, s.remote, created)) {
                    unknown.put(s.remote.id(), s.remote.values());
                }
            }
            Map<UUID, UUID> sameThings = ex.sameThings(kind, unknown);
            List<Step> merged = new ArrayList<>();
            for (Step s : ofKind) {
                UUID same = s.local == null ? sameThings.get(s.remote.id()) : null;
                if (same != null && !same.equals(s.remote.id())) {
                    boolean offered = kind.identity() == ExchangeKind.Identity.OFFERED;
                    boolean merge = !offered || answers.mergeOf(s.remote.id());
                    matches.add(new ImportPlan.Match(kind, s.remote.id(), same, label(kind, s.remote.values()),
                            offered, merge));
                    if (merge) {
                        UUID foreign = s.remote.id();
                        aliases.put(foreign, same);
                        ex.alias(foreign, same, kind);
                        s.remote = new RecordState(same, kind.label(), s.remote.fields(), null);
                        merged.add(s);
                    }
                }
            }
            if (!merged.isEmpty()) {
                Map<UUID, ExchangeRepository.Local> same = ex.catchUp(kind,
                        merged.stream().map(s -> s.remote.id()).toList(), counter);
                merged.forEach(s -> s.local = same.get(s.remote.id()));
            }
            for (Step s : ofKind) {
                s.result = Merge.merge(s.local == null ? null : s.local.state(), s.remote,
                        s.local == null ? Map.of() : s.local.previous());
                if (kind == ExchangeKind.CONVENTION) {
                    s.result = askWhatBreaksARule(s);
                }
                RecordState fin = resolve(s, answers, me, decided);
                checkTyped(kind, s, fin);
                if (kind == ExchangeKind.CONVENTION) {
                    checkMergedConvention(s, fin);
                }
                if (kind == ExchangeKind.CONVENTION && !fin.isDeleted()) {
                    fin = checkReference(r, ex, s, fin, me, decided, finals, renumberings, steps);
                }
                s.result_final = fin;
                finals.put(fin.id(), fin);
                if (s.local == null) {
                    created.add(fin.id());
                }
                steps.add(s);
            }
        }
        checkNewOnesOnce(steps);
        keepWhatIsStillNamed(ex, steps, finals, answers, me, decided);
        checkReferences(ex, steps, finals, p);
        if (write) {
            stopIf(stop);
            apply(ex, steps, now, decided, stop);
        }
        ex.flush();
        ex.advanceNumbering(steps.stream().filter(s -> s.kind == ExchangeKind.CONVENTION && !s.result_final.isDeleted())
                .map(s -> s.result_final.value("reference")).toList());
        Map<ExchangeKind, ImportPlan.Counts> counts = new LinkedHashMap<>();
        List<ImportPlan.Item> items = new ArrayList<>();
        for (ExchangeKind k : p.records().keySet()) {
            int n = 0, u = 0, same = 0, d = 0, c = 0;
            for (Step s : steps) {
                if (s.kind != k) {
                    continue;
                }
                switch (s.result.outcome()) {
                    case NEW -> n++;
                    case UPDATED -> u++;
                    case UNCHANGED -> same++;
                    case DELETED -> d++;
                    case CONFLICT -> c++;
                }
                if (s.result.outcome() != Merge.Outcome.UNCHANGED) {
                    Map<String, String> mine = s.local == null ? Map.of() : s.local.state().values();
                    Map<String, String> base = s.local != null && !s.local.state().isDeleted() ? mine : s.remote.values();
                    items.add(new ImportPlan.Item(k, s.remote.id(), label(k, s.remote.isDeleted() ? base : s.remote.values()),
                            s.result.outcome(), s.result.changedFields(), s.result.conflicts(),
                            s.result.recordConflict(), mine, s.remote.values()));
                }
            }
            counts.put(k, new ImportPlan.Counts(n, u, same, d, c));
        }
        ImportPlan plan = new ImportPlan(p.id(), p.createdAt(), p.baseId(), p.baseName(), p.scope().label(), counts,
                items, matches, renumberings, already, write);
        if (write) {
            Map<ExchangeKind, Integer> written = new LinkedHashMap<>();
            counts.forEach((k, v) -> written.put(k, v.total()));
            ex.log(new ExchangeRepository.LogEntry(UUID.randomUUID(), "IMPORT", p.id(), p.createdAt(), p.baseId(),
                    p.baseName(), p.scope().kind().name(), p.scope().label(), now, counter, counts(written),
                    plan.conflictCount() > 0 ? "CONFLICTS_ANSWERED" : plan.changesNothing() ? "NOTHING" : "WRITTEN",
                    new ImportReportText(texts, id -> ex.values(ExchangeKind.INDICATOR, id).get("name"))
                            .text(plan, answers)));
        }
        return plan;
    }

    /** A value the user typed (« Modifier ») is checked as a package's value is: type, length, choices. */
    private static void checkTyped(ExchangeKind kind, Step s, RecordState fin) {
        for (Merge.FieldConflict c : s.result.conflicts()) {
            String value = fin.isDeleted() ? null : fin.value(c.field());
            if (java.util.Objects.equals(value, c.mine()) || java.util.Objects.equals(value, c.theirs())) {
                continue;
            }
            String problem = ExchangeRepository.valueProblem(kind, c.field(), value);
            if (problem != null) {
                throw new RuleViolationException("exchange.refused.typed", label(kind, s.remote.values()), c.field(),
                        "exchange.value." + problem);
            }
        }
    }

    /** The fields of a convention its rules tie together (status and dates). */
    private static final Set<String> CONVENTION_DATES = Set.of("status", "signatureDate", "startDate", "endDate");

    /**
     * A convention each base changed on its side (one its end date, the other its start date) may
     * break a rule once merged although both sides kept it: its dates and status that differ
     * between the two sides are then asked, as conflicts, rather than merged (decision 0019).
     */
    private static Merge.Result askWhatBreaksARule(Step s) {
        Merge.Result m = s.result;
        if (s.local == null || m.merged().isDeleted() || m.recordConflict() != Merge.RecordConflict.NONE
                || m.changedFields().isEmpty()) {
            return m;
        }
        String rule = conventionRule(m.merged().values());
        if (rule == null || rule.equals(conventionRule(s.local.state().values()))
                || rule.equals(conventionRule(s.remote.values()))) {
            return m;
        }
        return Merge.asConflicts(m, CONVENTION_DATES, rule, s.local.previous());
    }

    /**
     * The answers to a convention's conflicts may still give dates that break a rule (the end date
     * of the package with the start date of this base): the import is refused, nothing written, with
     * the rule, so that the user chooses again.
     */
    private static void checkMergedConvention(Step s, RecordState fin) {
        if (s.local == null || fin.isDeleted() || s.local.state().isDeleted() || !s.result.isConflict()) {
            return;
        }
        Map<String, String> values = fin.values();
        String rule = conventionRule(values);
        if (rule != null && !rule.equals(conventionRule(s.local.state().values()))
                && !rule.equals(conventionRule(s.remote.values()))) {
            throw new RuleViolationException("exchange.refused.inconsistent", label(ExchangeKind.CONVENTION, values),
                    new MessageKey(rule));
        }
    }

    /** The first rule of status and dates that these values of a convention break, or null. */
    static String conventionRule(Map<String, String> values) {
        try {
            String status = values.get("status");
            if (status == null) {
                return null;
            }
            var issues = ConventionRules.checkDates(ConventionStatus.valueOf(status), date(values.get("signatureDate")),
                    date(values.get("startDate")), date(values.get("endDate")));
            return issues.values().stream().flatMap(List::stream).filter(Issue::isError).map(Issue::messageKey)
                    .findFirst().orElse(null);
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            return null; // a value of the wrong type is refused, with its field, by the schema checks
        }
    }

    private static java.time.LocalDate date(String value) {
        return value == null || value.isEmpty() ? null : java.time.LocalDate.parse(value);
    }

    /**
     * Whether one of the fields that identify a record of {@code kind} names a record this import
     * creates: then nothing in the base can be the same thing (the realised values of a new
     * engagement...), and the base need not be asked.
     */
    private static boolean namesANewRecord(ExchangeKind kind, RecordState remote, Set<UUID> created) {
        Map<String, ExchangeKind> refs = ExchangeRepository.referenceFields(kind);
        for (String field : kind.identityFields()) {
            String value = remote.value(field);
            if (refs.containsKey(field) && value != null && created.contains(UUID.fromString(value))) {
                return true;
            }
        }
        return false;
    }

    private static RecordState resolve(Step s, Decisions answers, UUID me, long counter) {
        Merge.Result m = s.result;
        if (!m.isConflict()) {
            return m.merged();
        }
        return Merge.resolve(m, answers.fieldsOf(m.id(), m.conflicts().stream().map(Merge.FieldConflict::field).toList()),
                answers.recordOf(m.id()), me, counter);
    }

    /** The state with every id it names read through the aliases (this base's id for the same thing). */
    private static RecordState rewrite(ExchangeKind kind, RecordState state, Map<UUID, UUID> aliases) {
        UUID id = aliases.getOrDefault(state.id(), state.id());
        Map<String, ExchangeKind> refs = ExchangeRepository.referenceFields(kind);
        Map<String, FieldValue> fields = new TreeMap<>();
        state.fields().forEach((name, f) -> {
            String value = f.value();
            String key = name;
            if (refs.containsKey(name) && value != null) {
                List<String> ids = new ArrayList<>();
                for (String s : value.split(",")) {
                    UUID u = UUID.fromString(s);
                    ids.add(aliases.getOrDefault(u, u).toString());
                }
                if (ExchangeRepository.isList(kind, name)) {
                    if (kind != ExchangeKind.ACTION_TYPE) {
                        ids.sort(null);
                    }
                }
                value = String.join(",", ids);
            } else if (kind == ExchangeKind.ENGAGEMENT && name.startsWith(ExchangeRepository.TARGET_PREFIX)) {
                String[] parts = name.split("/");
                UUID u = UUID.fromString(parts[1]);
                key = ExchangeRepository.TARGET_PREFIX + aliases.getOrDefault(u, u) + "/" + parts[2];
            }
            fields.put(key, new FieldValue(value, f.clock()));
        });
        return new RecordState(id, kind.label(), fields, state.deleted());
    }

    /**
     * Two bases may number two different conventions alike: the one not signed yet takes the next
     * reference of this base (a change made here, which goes back to the other base); a reference
     * printed on a signed convention never changes; two signed conventions with the same reference
     * refuse the import.
     */
    private RecordState checkReference(Repositories r, ExchangeRepository ex, Step s, RecordState fin, UUID me,
                                       long counter, Map<UUID, RecordState> finals,
                                       List<ImportPlan.Renumbering> renumberings, List<Step> steps) {
        String reference = fin.value("reference");
        if (reference == null) {
            return fin;
        }
        Optional<UUID> other = ex.conventionWithReference(reference);
        if (other.isEmpty() || other.get().equals(fin.id())) {
            return fin;
        }
        RecordState otherFinal = finals.get(other.get());
        if (otherFinal != null && !reference.equals(otherFinal.value("reference"))) {
            return fin;
        }
        if (!signed(fin)) {
            String next = freeReference(r, ex, fin.value("departmentCode"), reference, finals);
            renumberings.add(new ImportPlan.Renumbering(fin.id(), reference, next, true));
            return renumber(fin, next, me, counter);
        }
        var local = ex.catchUp(ExchangeKind.CONVENTION, List.of(other.get()), counter - 1).get(other.get());
        if (local != null && !local.state().isDeleted() && !signed(local.state())) {
            String next = freeReference(r, ex, local.state().value("departmentCode"), reference, finals);
            renumberings.add(new ImportPlan.Renumbering(other.get(), reference, next, false));
            Step extra = new Step(ExchangeKind.CONVENTION, null);
            extra.local = local;
            extra.remote = local.state();
            RecordState renumbered = renumber(local.state(), next, me, counter);
            extra.result = new Merge.Result(other.get(), ExchangeKind.CONVENTION.label(), Merge.Outcome.UNCHANGED,
                    local.state(), local.state(), renumbered, List.of(), Merge.RecordConflict.NONE, Set.of("reference"));
            extra.result_final = renumbered;
            finals.put(other.get(), renumbered);
            steps.add(extra);
            return fin;
        }
        throw new RuleViolationException("exchange.refused.referenceTaken", reference);
    }

    private static boolean signed(RecordState convention) {
        try {
            return ConventionStatus.valueOf(convention.value("status")).isSignedOrLater();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String freeReference(Repositories r, ExchangeRepository ex, String department, String reference,
                                        Map<UUID, RecordState> finals) {
        String[] parts = reference.split("-");
        int year = parts.length == 3 && parts[1].matches("\\d{4}") ? Integer.parseInt(parts[1]) : 0;
        if (year == 0) {
            year = java.time.Year.now().getValue();
        }
        while (true) {
            String next = r.conventions().nextReference(department, year);
            String candidate = next;
            boolean takenInImport = finals.values().stream().anyMatch(f -> candidate.equals(f.value("reference")));
            if (ex.conventionWithReference(next).isEmpty() && !takenInImport) {
                return next;
            }
        }
    }

    private static RecordState renumber(RecordState state, String reference, UUID me, long counter) {
        Map<String, FieldValue> fields = new TreeMap<>(state.fields());
        FieldValue was = state.field("reference");
        long n = Math.max(counter, was.clock().get(me) + 1);
        fields.put("reference", new FieldValue(reference, was.clock().bump(me, n)));
        return state.withFields(fields);
    }

    /**
     * A record the package deletes while a record of this base still names it (an engagement added
     * here to a convention deleted there, a realised value kept over its engagement's deletion...)
     * is not deleted silently, which would take that record along: the deletion becomes a conflict,
     * the record kept unless the user chooses the deletion, and then the import is refused with
     * what still names it (nothing written). Repeated until nothing changes: a record kept may keep
     * its own owner.
     */
    private void keepWhatIsStillNamed(ExchangeRepository ex, List<Step> steps, Map<UUID, RecordState> finals,
                                      Decisions answers, UUID me, long counter) {
        boolean again = true;
        while (again) {
            again = false;
            Map<ExchangeKind, Map<UUID, Step>> deleting = new java.util.EnumMap<>(ExchangeKind.class);
            for (Step s : steps) {
                if (s.result_final.isDeleted() && s.local != null && s.local.exists()) {
                    deleting.computeIfAbsent(s.kind, k -> new LinkedHashMap<>()).put(s.result_final.id(), s);
                }
            }
            for (var e : deleting.entrySet()) {
                for (ExchangeRepository.Referrer r : ex.referrers(e.getKey(), e.getValue().keySet())) {
                    RecordState referrer = finals.get(r.id());
                    boolean stillNames = referrer == null
                            || !referrer.isDeleted() && referrer.value(r.field()) != null
                            && List.of(referrer.value(r.field()).split(",")).contains(r.target().toString());
                    Step s = e.getValue().get(r.target());
                    if (!stillNames || !s.result_final.isDeleted()) {
                        continue;
                    }
                    if (!s.result.isConflict()) {
                        s.result = new Merge.Result(s.result.id(), s.result.kind(), Merge.Outcome.CONFLICT,
                                s.local.state(), s.remote, s.local.state(), List.of(), Merge.RecordConflict.DELETED_THERE,
                                Set.of());
                        s.result_final = resolve(s, answers, me, counter);
                        finals.put(s.result_final.id(), s.result_final);
                        if (!s.result_final.isDeleted()) {
                            again = true;
                            continue;
                        }
                    }
                    Map<String, String> named = referrer != null ? referrer.values() : ex.values(r.kind(), r.id());
                    throw new RuleViolationException("exchange.refused.stillNamed",
                            texts.get("exchange.kind." + s.kind.label()), label(s.kind, s.local.state().values()),
                            texts.get("exchange.kind." + r.kind().label()), label(r.kind(), named));
                }
            }
        }
    }

    /**
     * Two records the package creates may not be the same thing the database holds once (two QPVs
     * with one code, two conventions with one reference...): a base could not have made them, and
     * the database would refuse the second. Refused here, with the file and the record, in the
     * preview already.
     */
    private void checkNewOnesOnce(List<Step> steps) {
        Set<List<String>> seen = new HashSet<>();
        for (Step s : steps) {
            if (s.incoming == null || s.local != null || s.result_final.isDeleted()) {
                continue;
            }
            List<String> fields = s.kind == ExchangeKind.CONVENTION ? List.of("reference")
                    : s.kind.identity() == ExchangeKind.Identity.SAME ? s.kind.identityFields() : List.of();
            if (fields.isEmpty()) {
                continue;
            }
            List<String> key = new ArrayList<>(List.of(s.kind.label()));
            for (String f : fields) {
                key.add(s.result_final.value(f));
            }
            if (key.stream().skip(1).anyMatch(v -> v == null || v.isBlank())) {
                continue;
            }
            if (!seen.add(key)) {
                List<String> names = fields.stream().map(f -> texts.bundle().containsKey("exchange.field." + f)
                        ? texts.get("exchange.field." + f).toLowerCase(texts.locale()) : f).toList();
                throw new RuleViolationException("exchange.refused.sameTwice", where(s),
                        label(s.kind, s.result_final.values()), String.join(", ", names));
            }
        }
    }

    /** Every record the package's records name must be in the package or in the base. */
    private static void checkReferences(ExchangeRepository ex, List<Step> steps, Map<UUID, RecordState> finals,
                                        ExchangePackage p) {
        Map<String, Boolean> known = new HashMap<>();
        for (Step s : steps) {
            RecordState fin = s.result_final;
            if (fin.isDeleted() || s.incoming == null) {
                continue;
            }
            Map<String, ExchangeKind> refs = ExchangeRepository.referenceFields(s.kind);
            for (var f : fin.fields().entrySet()) {
                String value = f.getValue().value();
                ExchangeKind target = refs.get(f.getKey());
                List<String> ids = new ArrayList<>();
                if (target != null && value != null) {
                    ids.addAll(List.of(value.split(",")));
                } else if (s.kind == ExchangeKind.ENGAGEMENT && f.getKey().startsWith(ExchangeRepository.TARGET_PREFIX)
                        && value != null) {
                    target = ExchangeKind.INDICATOR;
                    ids.add(f.getKey().split("/")[1]);
                }
                for (String id : ids) {
                    UUID u = UUID.fromString(id);
                    RecordState inImport = finals.get(u);
                    boolean ok = inImport != null ? !inImport.isDeleted()
                            : known.computeIfAbsent(target.label() + u, k -> ex.exists(tgt(refs, f.getKey(), s.kind), u));
                    if (!ok) {
                        throw new RuleViolationException("exchange.refused.reference", where(s), f.getKey(), id);
                    }
                }
            }
            for (var f : ExchangeRepository.referenceDataFields(s.kind).entrySet()) {
                String value = fin.value(f.getKey());
                if (value != null && !known.computeIfAbsent(f.getKey() + "=" + value,
                        k -> ex.referenceExists(f.getValue(), value))) {
                    throw new RuleViolationException("exchange.refused.referenceData", where(s), f.getKey(), value);
                }
            }
        }
    }

    private static ExchangeKind tgt(Map<String, ExchangeKind> refs, String field, ExchangeKind kind) {
        ExchangeKind k = refs.get(field);
        return k != null ? k : ExchangeKind.INDICATOR;
    }

    private static String where(Step s) {
        return "donnees/" + s.kind.file() + ".json (" + s.incoming.state().id() + ")";
    }

    /** Writes what changed, parents before children and deletions the other way, the figures following. */
    private static void apply(ExchangeRepository ex, List<Step> steps, Instant now, long counter,
                              BooleanSupplier cancelled) {
        List<Step> changed = steps.stream().filter(s -> s.local == null
                || !s.result_final.equals(s.local.state())).toList();
        if (changed.isEmpty()) {
            return;
        }
        Set<UUID> conventions = new LinkedHashSet<>();
        Set<UUID> engagements = new HashSet<>();
        for (Step s : changed) {
            List<RecordState> both = new ArrayList<>();
            both.add(s.result_final);
            if (s.local != null) {
                both.add(s.local.state());
            }
            for (RecordState st : both) {
                switch (s.kind) {
                    case CONVENTION -> conventions.add(st.id());
                    case ENGAGEMENT, COUNTERPART, SIGNATORY, CAMPAIGN_REPORT -> {
                        String c = st.value("conventionId");
                        if (c != null) {
                            conventions.add(UUID.fromString(c));
                        }
                        if (s.kind == ExchangeKind.ENGAGEMENT) {
                            engagements.add(st.id());
                        }
                    }
                    case RESULT -> {
                        String e = st.value("engagementId");
                        if (e != null) {
                            engagements.add(UUID.fromString(e));
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        conventions.addAll(ex.conventionsOfEngagements(engagements).values());
        for (Step s : changed) {
            if (s.kind == ExchangeKind.ENGAGEMENT && !s.result_final.isDeleted()) {
                String c = s.result_final.value("conventionId");
                if (c != null) {
                    conventions.add(UUID.fromString(c));
                }
            }
        }
        Runnable write = () -> {
            int written = 0;
            for (Step s : changed) {
                if (++written % 1000 == 0) {
                    stopIf(cancelled);
                }
                if (!s.result_final.isDeleted()) {
                    ex.write(s.kind, s.local, s.result_final, s.incoming == null ? null : s.incoming.createdAt(),
                            now, counter);
                }
            }
            List<Step> deletions = new ArrayList<>(changed.stream().filter(s -> s.result_final.isDeleted()).toList());
            deletions.sort((a, b) -> Integer.compare(b.kind.ordinal(), a.kind.ordinal()));
            for (Step s : deletions) {
                ex.write(s.kind, s.local, s.result_final, null, now, counter);
            }
            ex.flush();
        };
        Set<UUID> created = new HashSet<>();
        for (Step s : changed) {
            if (s.kind == ExchangeKind.CONVENTION && !s.result_final.isDeleted()
                    && (s.local == null || !s.local.exists())) {
                created.add(s.result_final.id());
            }
        }
        ex.trackingFigures(conventions, created, write, cancelled);
    }

    /** Stops an import whose user cancelled it: thrown inside its transaction, which is rolled back. */
    private static void stopIf(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException();
        }
    }

    /** A short name of a record for lists: its reference, name, code... */
    static String label(ExchangeKind kind, Map<String, String> v) {
        return switch (kind) {
            case CONVENTION -> join(v.get("reference"), v.get("title"));
            case ORGANISATION -> join(v.get("legalName"), v.get("siret"));
            case CONTACT, SIGNATORY -> join(join(v.get("firstName"), v.get("lastName")), v.get("fullName"));
            case QPV -> join(v.get("code"), v.get("name"));
            case CATEGORY, INDICATOR, ACTION_TYPE -> v.getOrDefault("name", "");
            case CEREMONY -> join(v.get("title"), v.get("ceremonyDate"));
            case CAMPAIGN -> v.getOrDefault("yearNumber", "");
            case PROGRAMME_ITEM -> v.getOrDefault("subject", "");
            case CEREMONY_TASK -> v.getOrDefault("label", "");
            case ENGAGEMENT, COUNTERPART -> short80(v.getOrDefault("description", ""));
            case RESULT -> join(v.get("yearNumber"), v.get("realisedValue"));
            default -> "";
        };
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b == null ? "" : b;
        }
        return b == null || b.isBlank() ? a : a + " — " + b;
    }

    private static String short80(String s) {
        return s.length() > 80 ? s.substring(0, 79) + "…" : s;
    }

    /** The text of the report of {@code plan} with {@code answers}, as kept in the history. */
    public String reportText(ImportPlan plan, Decisions answers) {
        return new ImportReportText(texts, id -> store.read(r -> r.exchange().values(ExchangeKind.INDICATOR, id))
                .get("name")).text(plan, answers);
    }

    /** The French (or English) message of a refusal, its reasons translated. */
    public String message(RuleViolationException e) {
        Object[] args = e.args().stream().map(a -> a instanceof String s && s.startsWith("exchange.value.")
                ? texts.get(s) : a instanceof MessageKey k ? texts.get(k.key()) : a).toArray();
        return texts.format(e.messageKey(), args);
    }

    // --- History -------------------------------------------------------------------------------

    public List<ExchangeRepository.LogEntry> history() {
        return store.read(r -> r.exchange().history());
    }

    /** The bases this one exchanged with, most recent first. */
    public List<Peer> peers() {
        Map<UUID, Peer> peers = new LinkedHashMap<>();
        for (ExchangeRepository.LogEntry e : history()) {
            if (e.peerId() == null) {
                continue;
            }
            Peer was = peers.getOrDefault(e.peerId(), new Peer(e.peerId(), e.peerName(), null, null));
            boolean sent = "EXPORT".equals(e.direction());
            peers.put(e.peerId(), new Peer(e.peerId(), was.name() == null || was.name().isBlank() ? e.peerName() : was.name(),
                    sent && was.lastSent() == null ? e.doneAt() : was.lastSent(),
                    !sent && was.lastReceived() == null ? e.doneAt() : was.lastReceived()));
        }
        return new ArrayList<>(peers.values());
    }

    /** This base's id and name. */
    public Map.Entry<UUID, String> base() {
        return store.read(r -> Map.entry(r.exchange().baseId(), r.exchange().baseName()));
    }
}
