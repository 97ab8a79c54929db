package fr.ancrage.service.imports;

import fr.ancrage.domain.Catalogue;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.Engagement;
import fr.ancrage.domain.EngagementRules;
import fr.ancrage.domain.EngagementStatus;
import fr.ancrage.domain.RealisedValue;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.ResultSource;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.Target;
import fr.ancrage.domain.Text;
import fr.ancrage.domain.imports.EngagementRow;
import fr.ancrage.domain.imports.ImportField;
import fr.ancrage.domain.imports.RowIssue;
import fr.ancrage.domain.imports.SheetKind;
import fr.ancrage.domain.validation.Issue;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Repositories;
import fr.ancrage.persistence.Store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The import of a team's engagements spreadsheet (issue 18): a row is one figure of an engagement
 * of a convention already in the base (its target, its realised value, or both, for an indicator
 * and a year); the rows of one convention, action type and description make one engagement, over
 * the years they give. A row is of an engagement of the base when that engagement has the same
 * convention, action type and description: matching adds the targets and realised values the base
 * does not have yet and never replaces one it has. Each engagement is written once, after its last
 * row, with the rules of the Engagements screen; then its realised values (source: the company's
 * report). The dashboard's figures follow in the same transaction.
 */
public final class EngagementImport extends SheetImport {

    public EngagementImport(Store store, I18n texts) {
        super(store, texts, SheetKind.ENGAGEMENTS);
    }

    @Override
    protected RowChecker checker(Repositories r) {
        Base base = new Base(r, texts);
        Map<String, Integer> firstRowOf = new HashMap<>();
        Map<String, Integer> figureRows = new HashMap<>();
        return (number, values) -> {
            EngagementRow checked = EngagementRow.check(number, values, base);
            Engagement abandoned = base.engagements.get(checked.engagementKey());
            if (checked.realised() != null && abandoned != null && abandoned.status() == EngagementStatus.ABANDONED) {
                // the Engagements screen takes no realised value for an abandoned engagement
                checked = checked.withIssue(new RowIssue(ImportField.REALISED,
                        Issue.error("validation.result.abandoned")));
            }
            Match match = null;
            if (!checked.hasErrors()) {
                String key = checked.engagementKey();
                Engagement known = base.engagements.get(key);
                String figure = key + "/" + (checked.indicator() == null ? "" : checked.indicator().id()) + "/"
                        + checked.firstYear();
                Integer before = figureRows.get(figure);
                if (before != null || !checked.hasFigures() && firstRowOf.containsKey(key)) {
                    match = new Match(Reason.EARLIER_ROW, null, checked.label(), before != null ? before : firstRowOf.get(key));
                } else if (known != null) {
                    match = new Match(Reason.SAME_ENGAGEMENT, known.id(), checked.label(), 0);
                }
                firstRowOf.putIfAbsent(key, number);
                if (checked.hasFigures()) {
                    figureRows.putIfAbsent(figure, number);
                }
            }
            return new Line(checked, match, proposed(checked, match));
        };
    }

    @Override
    protected RowWriter writer(Repositories r) {
        return new Writer(r);
    }

    /** The engagements gathered row after row, written once each at the end. */
    private final class Writer implements RowWriter {
        private final Repositories r;
        private final Catalogue catalogue;
        private final Map<String, Engagement> gathered = new LinkedHashMap<>();
        private final Map<String, Convention> conventions = new HashMap<>();
        private final Map<String, Integer> lastRow = new HashMap<>();
        private final Set<String> changed = new HashSet<>();
        private final List<RealisedValue> results = new ArrayList<>();
        private final Map<UUID, Integer> resultRows = new HashMap<>();
        private final Set<String> pending = new HashSet<>();
        private final Set<String> statusGiven = new HashSet<>();

        Writer(Repositories r) {
            this.r = r;
            this.catalogue = r.catalogue().load();
        }

        @Override
        public Done write(Line l, Decision d) {
            EngagementRow row = (EngagementRow) l.row();
            String key = row.engagementKey();
            boolean created = false;
            Engagement e = gathered.get(key);
            if (e == null) {
                if (d == Decision.MATCH) {
                    e = r.engagements().findById(l.match().id()).orElseThrow(() -> gone(l));
                } else {
                    e = new Engagement(RecordMeta.fresh(), row.convention().id(), row.actionType().id(),
                            row.description(), row.qpvIds(), null, row.firstYear(), row.lastYear(),
                            row.status() != null ? row.status()
                                    : row.realised() != null ? EngagementStatus.IN_PROGRESS : EngagementStatus.PLANNED,
                            List.of());
                    created = true;
                    changed.add(key);
                }
                conventions.put(key, row.convention());
            }
            Engagement before = e;
            Set<UUID> qpvs = new LinkedHashSet<>(e.qpvIds());
            if (qpvs.isEmpty()) {
                qpvs.addAll(row.qpvIds());
            }
            List<Target> targets = new ArrayList<>(e.targets());
            if (row.target() != null && e.target(row.indicator().id(), row.firstYear()).isEmpty()) {
                targets.add(new Target(row.indicator().id(), row.firstYear(), row.target()));
            }
            if (row.status() != null) {
                statusGiven.add(key);
            }
            // a new engagement given a realised value by a later row is under way, unless a row said otherwise
            EngagementStatus status = e.meta().isNew() && row.realised() != null && !statusGiven.contains(key)
                    && e.status() == EngagementStatus.PLANNED ? EngagementStatus.IN_PROGRESS : e.status();
            e = new Engagement(e.meta(), e.conventionId(), e.actionTypeId(), e.description(), qpvs, e.partnerId(),
                    row.firstYear() == 0 ? e.firstYear() : Math.min(e.firstYear(), row.firstYear()),
                    Math.max(e.lastYear(), row.lastYear()), status, targets);
            if (!e.equals(before)) {
                changed.add(key);
            }
            gathered.put(key, e);
            lastRow.put(key, row.number());
            boolean resultAdded = false;
            if (row.realised() != null) {
                UUID engagementId = e.id();
                UUID indicatorId = row.indicator().id();
                String figure = engagementId + "/" + indicatorId + "/" + row.firstYear();
                boolean known = pending.contains(figure)
                        || !created && r.engagements().findResult(engagementId, indicatorId, row.firstYear()).isPresent();
                if (!known) {
                    RealisedValue v = new RealisedValue(RecordMeta.fresh(), engagementId, indicatorId, row.firstYear(),
                            row.realised(), ResultSource.COMPANY_REPORT, null, "");
                    results.add(v);
                    pending.add(figure);
                    resultRows.put(v.id(), row.number());
                    resultAdded = true;
                }
            }
            String name = row.conventionName() + " – " + row.label();
            Outcome outcome = created ? Outcome.CREATED : !e.equals(before) || resultAdded ? Outcome.UPDATED
                    : Outcome.UNCHANGED;
            return new Done(row.number(), name, outcome, "", e.id());
        }

        @Override
        public void finish() {
            Map<UUID, List<Engagement>> toSave = new LinkedHashMap<>();
            Map<UUID, Engagement> byId = new HashMap<>();
            Map<UUID, Convention> conventionOf = new HashMap<>();
            for (Map.Entry<String, Engagement> g : gathered.entrySet()) {
                Engagement e = g.getValue();
                byId.put(e.id(), e);
                conventionOf.put(e.id(), conventions.get(g.getKey()));
                if (!changed.contains(g.getKey())) {
                    continue;
                }
                Map<String, List<Issue>> issues = EngagementRules.check(e, conventions.get(g.getKey()), catalogue,
                        e.meta().isNew() ? null : e.actionTypeId());
                refuseIf(issues, lastRow.get(g.getKey()));
                toSave.computeIfAbsent(e.conventionId(), k -> new ArrayList<>()).add(e);
            }
            Map<UUID, List<RealisedValue>> values = new LinkedHashMap<>();
            for (RealisedValue v : results) {
                Engagement e = byId.get(v.engagementId());
                refuseIf(EngagementRules.checkResult(v, e, conventionOf.get(e.id()), catalogue), resultRows.get(v.id()));
                values.computeIfAbsent(e.conventionId(), k -> new ArrayList<>()).add(v);
            }
            // one convention at a time: its figures follow once for all its engagements and values
            Set<UUID> touched = new LinkedHashSet<>(toSave.keySet());
            touched.addAll(values.keySet());
            for (UUID convention : touched) {
                r.engagements().saveAll(convention, toSave.getOrDefault(convention, List.of()),
                        values.getOrDefault(convention, List.of()));
            }
        }

        /** Refuses the whole import when {@code issues} has one, naming the row. */
        private void refuseIf(Map<String, List<Issue>> issues, int row) {
            if (!issues.isEmpty()) {
                Issue first = issues.values().iterator().next().getFirst();
                throw new RuleViolationException("import.engagement.refused", row,
                        texts.format(first.messageKey(), first.args().toArray()));
            }
        }
    }

    /** The base a row is checked against: conventions, their engagements, the catalogue, QPVs, organisations. */
    private static final class Base extends Lookups implements EngagementRow.Lookups {
        private final Map<String, Convention> byReference = new HashMap<>();
        private final Map<UUID, List<Convention>> byCompany = new HashMap<>();
        private final Map<String, Engagement> engagements = new HashMap<>();
        private final Catalogue catalogue;
        private final I18n texts;

        Base(Repositories r, I18n texts) {
            super(r.organisations().findAll(), r.qpvs().list());
            this.texts = texts;
            catalogue = r.catalogue().load();
            List<UUID> ids = r.conventions().list().stream().map(ConventionListItem::id).toList();
            List<String> formerPrefixes = List.of("fr", "en").stream()
                    .map(language -> I18n.forLanguage(language).format("import.convention.formerReference", "")).toList();
            for (Convention c : r.conventions().findByIds(ids)) {
                byReference.put(Text.searchKey(c.reference()), c);
                byCompany.computeIfAbsent(c.companyId(), k -> new ArrayList<>()).add(c);
                // the number a conventions sheet gave it, kept in its notes at its import
                for (String line : c.notes().split("\n")) {
                    for (String prefix : formerPrefixes) {
                        if (line.startsWith(prefix) && line.length() > prefix.length()) {
                            byReference.putIfAbsent(Text.searchKey(line.substring(prefix.length())), c);
                        }
                    }
                }
            }
            for (Engagement e : r.engagements().findByConventions(ids)) {
                engagements.putIfAbsent(e.conventionId() + "/" + e.actionTypeId() + "/" + Text.searchKey(e.description()), e);
            }
        }

        @Override
        public Optional<Convention> conventionByReference(String reference) {
            return Optional.ofNullable(byReference.get(Text.searchKey(reference)));
        }

        @Override
        public List<Convention> conventionsOf(UUID companyId) {
            return byCompany.getOrDefault(companyId, List.of());
        }

        @Override
        public Catalogue catalogue() {
            return catalogue;
        }

        @Override
        public Optional<EngagementStatus> status(String text) {
            return named(texts, EngagementStatus.values(), "enum.EngagementStatus.", text);
        }
    }
}
