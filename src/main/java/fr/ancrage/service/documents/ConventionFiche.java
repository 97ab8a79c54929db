package fr.ancrage.service.documents;

import fr.ancrage.documents.Doc;
import fr.ancrage.domain.BilanLine;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.Counterpart;
import fr.ancrage.domain.EngagementListItem;
import fr.ancrage.domain.EngagementStatus;
import fr.ancrage.domain.Indicator;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.Signatory;
import fr.ancrage.domain.validation.Siret;
import fr.ancrage.i18n.I18n;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The « fiche convention »: parties and signatories, dates and status, engagements by category with
 * their targets and realised values, totals by indicator, counterparts and targeted QPVs.
 */
final class ConventionFiche {

    /** Everything the fiche shows, read in one go. */
    record Data(Convention convention, Organisation company, String departmentName, String epciName,
                List<Qpv> qpvs, List<EngagementListItem> engagements, List<BilanLine> lines,
                List<Counterpart> counterparts, Map<UUID, String> organisationNames) {
    }

    private final I18n i18n;
    private final DocFormats f;
    private final int currentYear;

    /** {@code currentYear}: the last year the « à date » totals add up (the years to come never count). */
    ConventionFiche(I18n i18n, int currentYear) {
        this.i18n = i18n;
        this.f = new DocFormats(i18n);
        this.currentYear = currentYear;
    }

    Doc build(Data d, OffsetDateTime created) {
        Convention c = d.convention();
        List<Doc.Block> blocks = new ArrayList<>();
        blocks.add(new Doc.Heading(1, i18n.get("doc.fiche.convention")));
        blocks.add(new Doc.Facts(List.of(
                fact("doc.fiche.reference", c.reference()),
                fact("doc.fiche.title", c.title()),
                fact("doc.fiche.company", companyLine(d.company())),
                fact("doc.fiche.framework", i18n.label(c.framework())),
                fact("doc.fiche.status", i18n.label(c.status())),
                fact("doc.fiche.department", join(c.departmentCode(), d.departmentName())),
                fact("doc.fiche.epci", d.epciName() == null ? "" : d.epciName()),
                fact("doc.fiche.referent", c.stateReferent()),
                fact("doc.fiche.signature", c.signatureDate() == null ? "" : f.date(c.signatureDate())),
                fact("doc.fiche.period", i18n.format("doc.fiche.periodValue", f.date(c.startDate()), f.date(c.endDate()))),
                fact("doc.fiche.qpvs", d.qpvs().isEmpty() ? i18n.get("doc.fiche.noQpv")
                        : d.qpvs().stream().map(Qpv::label).collect(Collectors.joining("\n"))))));

        blocks.add(new Doc.Heading(1, i18n.get("doc.fiche.signatories")));
        if (c.signatories().isEmpty()) {
            blocks.add(new Doc.Paragraph(i18n.get("doc.fiche.noSignatory"), Doc.Emphasis.NOTE));
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (Signatory s : c.signatories()) {
                rows.add(List.of(Integer.toString(s.position()), i18n.label(s.role()), s.fullName(),
                        s.jobTitle().isEmpty() ? DocFormats.NONE : s.jobTitle()));
            }
            blocks.add(new Doc.Table(List.of(Doc.Column.number(i18n.get("doc.fiche.order"), 0.6),
                    Doc.Column.text(i18n.get("doc.fiche.role"), 1.6), Doc.Column.text(i18n.get("doc.fiche.name"), 2.4),
                    Doc.Column.text(i18n.get("doc.fiche.jobTitle"), 3.4)), rows, false));
        }

        engagements(d, blocks);
        totals(d, blocks);
        counterparts(d, blocks);
        if (!c.notes().isEmpty()) {
            blocks.add(new Doc.Heading(1, i18n.get("doc.fiche.notes")));
            blocks.add(new Doc.Paragraph(c.notes()));
        }
        String title = i18n.format("doc.fiche.docTitle", c.reference());
        // the company, and the title when it says more than the company's name
        String subtitle = d.company() == null ? c.title() : d.company().legalName()
                + (c.title().isEmpty() || c.title().contains(d.company().legalName()) ? "" : " — " + c.title());
        String footer = i18n.format("doc.fiche.footer", c.reference(), f.date(created.toLocalDate()));
        return new Doc(title, subtitle, footer, created, blocks);
    }

    private void engagements(Data d, List<Doc.Block> blocks) {
        blocks.add(new Doc.Heading(1, i18n.get("doc.fiche.engagements")));
        if (d.engagements().isEmpty()) {
            blocks.add(new Doc.Paragraph(i18n.get("doc.fiche.noEngagement"), Doc.Emphasis.NOTE));
            return;
        }
        Map<UUID, List<BilanLine>> linesByEngagement = new LinkedHashMap<>();
        d.lines().forEach(l -> linesByEngagement.computeIfAbsent(l.engagementId(), k -> new ArrayList<>()).add(l));
        Map<String, List<EngagementListItem>> byCategory = new LinkedHashMap<>();
        d.engagements().forEach(e -> byCategory.computeIfAbsent(e.categoryName(), k -> new ArrayList<>()).add(e));
        for (var category : byCategory.entrySet()) {
            blocks.add(new Doc.Heading(2, category.getKey()));
            List<List<String>> rows = new ArrayList<>();
            for (EngagementListItem item : category.getValue()) {
                String action = item.actionTypeName()
                        + (item.engagement().description().isEmpty() ? "" : "\n" + item.engagement().description())
                        + (item.engagement().status() == EngagementStatus.ABANDONED
                        ? "\n(" + i18n.label(EngagementStatus.ABANDONED).toLowerCase(i18n.locale()) + ")" : "")
                        + (item.partnerName() == null || item.partnerName().isEmpty() ? ""
                        : "\n" + i18n.format("doc.fiche.with", item.partnerName()));
                List<BilanLine> lines = linesByEngagement.getOrDefault(item.id(), List.of());
                if (lines.isEmpty()) {
                    rows.add(List.of(action, DocFormats.NONE, "", "", "", ""));
                }
                boolean first = true;
                for (BilanLine l : lines) {
                    Indicator ind = l.indicator();
                    rows.add(List.of(first ? action : "", f.indicatorName(ind),
                            Integer.toString(l.year()),
                            f.value(l.target(), ind.unit()),
                            f.value(l.result() == null ? null : l.result().value(), ind.unit()),
                            ind.unit() == fr.ancrage.domain.IndicatorUnit.YES_NO ? ""
                                    : f.rate(l.target(), l.result() == null ? null : l.result().value())));
                    first = false;
                }
            }
            blocks.add(new Doc.Table(List.of(Doc.Column.text(i18n.get("doc.fiche.action"), 3.2),
                    Doc.Column.text(i18n.get("doc.fiche.indicator"), 2.6), Doc.Column.number(i18n.get("doc.fiche.year"), 0.8),
                    Doc.Column.number(i18n.get("doc.fiche.target"), 1.1), Doc.Column.number(i18n.get("doc.fiche.realised"), 1.1),
                    Doc.Column.number(i18n.get("doc.fiche.rate"), 0.8)), rows, false));
        }
    }

    /**
     * Targets and realised values added up by indicator, year by year and « à date » (the years up
     * to the current one: a year to come never counts in it), abandoned engagements left out; a
     * sub-indicator (« dont … ») right after its parent, indented, never added into it. Without any
     * figure: « — » and a sentence, never {@code 0 / 0 %}.
     */
    private void totals(Data d, List<Doc.Block> blocks) {
        record Sums(BigDecimal target, BigDecimal realised) {
            static BigDecimal plus(BigDecimal a, BigDecimal b) {
                return a == null ? b : b == null ? a : a.add(b);
            }

            Sums plus(Sums o) {
                return new Sums(plus(target, o.target), plus(realised, o.realised));
            }
        }
        Map<UUID, Indicator> indicators = new LinkedHashMap<>();
        Map<UUID, java.util.TreeMap<Integer, Sums>> byYear = new LinkedHashMap<>();
        List<UUID> categories = new ArrayList<>();
        for (BilanLine l : d.lines()) {
            BigDecimal realised = l.result() == null ? null : l.result().value();
            if (!l.reportable() || !l.indicator().summable() || (l.target() == null && realised == null)) {
                continue;
            }
            indicators.putIfAbsent(l.indicator().id(), l.indicator());
            if (!categories.contains(l.indicator().categoryId())) {
                categories.add(l.indicator().categoryId());
            }
            byYear.computeIfAbsent(l.indicator().id(), k -> new java.util.TreeMap<>())
                    .merge(l.year(), new Sums(l.target(), realised), Sums::plus);
        }
        blocks.add(new Doc.Heading(1, i18n.get("doc.fiche.totals")));
        if (indicators.isEmpty()) {
            blocks.add(new Doc.Paragraph(i18n.get("doc.fiche.noTotals"), Doc.Emphasis.NOTE));
            return;
        }
        // category by category as the engagements come, then in the catalogue's order: a part
        // (« dont … ») follows the indicator it belongs to
        List<Indicator> ordered = indicators.values().stream()
                .sorted(java.util.Comparator.comparingInt((Indicator i) -> categories.indexOf(i.categoryId()))
                        .thenComparingInt(Indicator::position))
                .toList();
        List<List<String>> rows = new ArrayList<>();
        for (Indicator ind : ordered) {
            var unit = ind.unit();
            String name = f.indicatorName(ind);
            // the years gone by and the current one, their « à date » line, then the years to come
            Sums toDate = new Sums(null, null);
            List<List<String>> lines = new ArrayList<>();
            var years = byYear.get(ind.id());
            for (var year : years.headMap(currentYear, true).entrySet()) {
                lines.add(yearRow(year.getKey(), year.getValue().target(), year.getValue().realised(), unit));
                toDate = toDate.plus(year.getValue());
            }
            if (!lines.isEmpty()) {
                lines.add(List.of(i18n.get("doc.fiche.toDate"), f.sum(toDate.target(), unit),
                        f.sum(toDate.realised(), unit), f.rate(toDate.target(), toDate.realised())));
            }
            for (var year : years.tailMap(currentYear, false).entrySet()) {
                lines.add(yearRow(year.getKey(), year.getValue().target(), year.getValue().realised(), unit));
            }
            boolean first = true;
            for (List<String> line : lines) {
                List<String> row = new ArrayList<>(List.of(first ? name : "", first ? f.unit(unit) : ""));
                row.addAll(line);
                rows.add(row);
                first = false;
            }
        }
        blocks.add(new Doc.Table(List.of(Doc.Column.text(i18n.get("doc.fiche.indicator"), 3.0),
                Doc.Column.text(i18n.get("doc.fiche.unit"), 1.0), Doc.Column.number(i18n.get("doc.fiche.year"), 0.9),
                Doc.Column.number(i18n.get("doc.fiche.target"), 1.1),
                Doc.Column.number(i18n.get("doc.fiche.realised"), 1.1), Doc.Column.number(i18n.get("doc.fiche.rate"), 0.8)),
                rows, false));
        blocks.add(new Doc.Paragraph(i18n.format("doc.fiche.toDateNote", Integer.toString(currentYear)),
                Doc.Emphasis.NOTE));
    }

    /** Year, target, realised value and rate of one year of an indicator's totals. */
    private List<String> yearRow(int year, BigDecimal target, BigDecimal realised, fr.ancrage.domain.IndicatorUnit unit) {
        return List.of(Integer.toString(year), f.sum(target, unit), f.sum(realised, unit), f.rate(target, realised));
    }

    private void counterparts(Data d, List<Doc.Block> blocks) {
        blocks.add(new Doc.Heading(1, i18n.get("doc.fiche.counterparts")));
        if (d.counterparts().isEmpty()) {
            blocks.add(new Doc.Paragraph(i18n.get("doc.fiche.noCounterpart"), Doc.Emphasis.NOTE));
            return;
        }
        Map<UUID, String> engagementNames = new LinkedHashMap<>();
        d.engagements().forEach(e -> engagementNames.put(e.id(), e.actionTypeName()));
        List<List<String>> rows = new ArrayList<>();
        for (Counterpart cp : d.counterparts()) {
            rows.add(List.of(d.organisationNames().getOrDefault(cp.partnerId(), DocFormats.NONE),
                    cp.engagementId() == null ? DocFormats.NONE : engagementNames.getOrDefault(cp.engagementId(), DocFormats.NONE),
                    cp.description()));
        }
        blocks.add(new Doc.Table(List.of(Doc.Column.text(i18n.get("doc.fiche.partner"), 2),
                Doc.Column.text(i18n.get("doc.fiche.linkedEngagement"), 2), Doc.Column.text(i18n.get("doc.fiche.description"), 4)),
                rows, false));
    }

    private String companyLine(Organisation company) {
        if (company == null) {
            return "";
        }
        return company.legalName() + (company.siret().isEmpty() ? "" : "\nSIRET " + Siret.format(company.siret()));
    }

    private Doc.Fact fact(String key, String value) {
        return new Doc.Fact(i18n.get(key), value == null ? "" : value);
    }

    private static String join(String code, String name) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        return name == null || name.isEmpty() ? code : code + " – " + name;
    }
}
