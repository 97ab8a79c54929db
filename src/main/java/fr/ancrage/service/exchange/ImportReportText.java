package fr.ancrage.service.exchange;

import fr.ancrage.domain.exchange.Merge;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.ExchangeKind;

import java.util.Map;

/**
 * The report of an import as text, kept in the history and saved on demand: what was done per kind
 * of record, every conflict with both values and the answer given (so that the value not kept is
 * never lost), the records recognised as the same and the conventions renumbered.
 */
final class ImportReportText {

    private final I18n texts;
    /** An indicator's name by its id (null when unknown), to name a target's field. */
    private final java.util.function.Function<java.util.UUID, String> indicatorNames;

    ImportReportText(I18n texts, java.util.function.Function<java.util.UUID, String> indicatorNames) {
        this.texts = texts;
        this.indicatorNames = indicatorNames;
    }

    /** A field as the screens name it (« Date de fin », « Objectif Stagiaires accueillis 2025 »), else its name. */
    private String field(String field) {
        String[] parts = field.split("/");
        if (field.startsWith("target/") && parts.length == 3) {
            String indicator = parts[1];
            try {
                String name = indicatorNames.apply(java.util.UUID.fromString(parts[1]));
                indicator = name == null || name.isBlank() ? parts[1] : name;
            } catch (IllegalArgumentException notAnId) {
                // shown as it is
            }
            return texts.format("exchange.field.target", indicator, parts[2]);
        }
        String key = "exchange.field." + field;
        return texts.bundle().containsKey(key) ? texts.get(key) : field;
    }

    String text(ImportPlan plan, Decisions answers) {
        StringBuilder b = new StringBuilder();
        String base = plan.baseName() == null || plan.baseName().isBlank() ? texts.get("exchange.base.unnamed")
                : plan.baseName();
        b.append(texts.format("exchange.report.title", base, java.util.Date.from(plan.packageAt()), plan.packageId().toString()))
                .append('\n');
        if (plan.changesNothing()) {
            b.append(texts.get("exchange.report.nothing")).append('\n');
        }
        for (Map.Entry<ExchangeKind, ImportPlan.Counts> e : plan.counts().entrySet()) {
            ImportPlan.Counts c = e.getValue();
            b.append(texts.format("exchange.report.counts", texts.get("exchange.kind." + e.getKey().label()),
                    c.created(), c.updated(), c.unchanged(), c.deleted(), c.conflicts())).append('\n');
        }
        for (ImportPlan.Match m : plan.matches()) {
            b.append(texts.format(m.merged() ? "exchange.report.match" : "exchange.report.matchRefused",
                    texts.get("exchange.kind." + m.kind().label()), m.label())).append('\n');
        }
        for (ImportPlan.Renumbering r : plan.renumberings()) {
            b.append(texts.format(r.incoming() ? "exchange.report.renumberedIncoming" : "exchange.report.renumberedLocal",
                    r.before(), r.after())).append('\n');
        }
        for (ImportPlan.Item i : plan.items()) {
            if (!i.isConflict()) {
                continue;
            }
            String what = texts.get("exchange.kind." + i.kind().label()) + " « " + i.label() + " »";
            if (i.recordConflict() != Merge.RecordConflict.NONE) {
                Merge.Choice choice = answers.recordOf(i.id());
                b.append(texts.format("exchange.report.recordConflict." + i.recordConflict().name(), what,
                        texts.get("exchange.choice." + choice.name()))).append('\n');
                continue;
            }
            var chosen = answers.fieldsOf(i.id(), i.conflicts().stream().map(Merge.FieldConflict::field).toList());
            i.conflicts().stream().map(Merge.FieldConflict::rule).filter(java.util.Objects::nonNull).findFirst()
                    .ifPresent(rule -> b.append(texts.format("exchange.report.rule", what, texts.get(rule))).append('\n'));
            for (Merge.FieldConflict c : i.conflicts()) {
                Merge.Resolution r = chosen.get(c.field());
                String kept = switch (r.choice()) {
                    case MINE -> c.mine();
                    case THEIRS -> c.theirs();
                    case EDIT -> r.value();
                };
                b.append(texts.format("exchange.report.fieldConflict", what, field(c.field()), show(c.mine()), show(c.theirs()),
                        show(kept))).append('\n');
            }
        }
        return b.toString();
    }

    private String show(String value) {
        return value == null || value.isEmpty() ? texts.get("exchange.value.empty") : "« " + value + " »";
    }
}
