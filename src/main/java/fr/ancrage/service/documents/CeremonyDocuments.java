package fr.ancrage.service.documents;

import fr.ancrage.documents.Doc;
import fr.ancrage.documents.Format;
import fr.ancrage.documents.OdtTemplate;
import fr.ancrage.documents.PdfOutput;
import fr.ancrage.documents.TableTents;
import fr.ancrage.documents.Workbook;
import fr.ancrage.domain.BilanLine;
import fr.ancrage.domain.Ceremony;
import fr.ancrage.domain.CeremonyItem;
import fr.ancrage.domain.CeremonySignatory;
import fr.ancrage.domain.Indicator;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.domain.ProgrammeItem;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.RecordKind;
import fr.ancrage.domain.StaleRecordException;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Store;
import fr.ancrage.service.EngagementService;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The documents of a signing ceremony: the dossier (programme, signatories with their titles, the
 * totals « N entreprises s'engagent : … », one page per company with its engagements and targets),
 * the table tents, the conventions to print in as many originals as chosen, and the signatories
 * for the press as a spreadsheet.
 */
final class CeremonyDocuments {

    /** What is read once for all the documents. */
    record Data(Ceremony ceremony, List<CeremonyItem> items, Map<UUID, List<BilanLine>> lines) {
    }

    private final DocumentService documents;
    private final Store store;
    private final I18n i18n;
    private final DocFormats f;

    CeremonyDocuments(DocumentService documents, Store store, I18n i18n) {
        this.documents = documents;
        this.store = store;
        this.i18n = i18n;
        this.f = new DocFormats(i18n);
    }

    Data data(UUID ceremonyId) {
        var engagements = new EngagementService(store);
        return store.read(r -> {
            Ceremony c = r.ceremonies().findById(ceremonyId).orElseThrow(() -> new StaleRecordException(RecordKind.CEREMONY, ""));
            List<CeremonyItem> items = r.ceremonies().items(ceremonyId);
            Map<UUID, List<BilanLine>> lines = new LinkedHashMap<>();
            for (CeremonyItem item : items) {
                lines.put(item.conventionId(), engagements.bilan(item.conventionId()));
            }
            return new Data(c, items, lines);
        });
    }

    DocumentService.Written export(UUID ceremonyId, Set<DocumentService.CeremonyDocument> what, int originals,
                                   Set<Format> formats, Path folder, DocumentService.Progress progress) {
        progress.step(0, 1, i18n.get("doc.progress.reading"));
        Data d = data(ceremonyId);
        if (d.items().isEmpty()) {
            throw new RuleViolationException("doc.ceremony.empty", d.ceremony().title());
        }
        OffsetDateTime created = documents.now();
        // the day in file names as 2026-12-01: sorted by date in a folder, no slash
        String when = d.ceremony().date().toString();
        // the conventions to print are checked first: every problem of every convention in one message
        Doc print = what.contains(DocumentService.CeremonyDocument.PRINT) ? toPrint(d, originals, created) : null;
        Set<Format> docFormats = EnumSet.noneOf(Format.class);
        formats.stream().filter(Format::isText).forEach(docFormats::add);
        if (docFormats.isEmpty()) {
            docFormats.add(Format.PDF);
        }
        Set<Format> sheets = EnumSet.noneOf(Format.class);
        formats.stream().filter(x -> !x.isText()).forEach(sheets::add);
        if (sheets.isEmpty()) {
            sheets.add(Format.ODS);
        }
        // one step per file, whichever document writes it
        int total = (what.contains(DocumentService.CeremonyDocument.DOSSIER) ? docFormats.size() : 0)
                + (what.contains(DocumentService.CeremonyDocument.TENTS) ? 1 : 0) + (print != null ? 1 : 0)
                + (what.contains(DocumentService.CeremonyDocument.PRESS) ? sheets.size() : 0);
        int[] done = {0};
        DocumentService.Progress steps = new DocumentService.Progress() {
            @Override
            public void step(int ignoredDone, int ignoredTotal, String file) {
                if (!file.isEmpty()) {
                    progress.step(done[0]++, total, file);
                }
            }

            @Override
            public boolean cancelled() {
                return progress.cancelled();
            }
        };
        List<Path> written = new ArrayList<>();
        try {
            if (what.contains(DocumentService.CeremonyDocument.DOSSIER)) {
                written.addAll(documents.writeAll(dossier(d, created), null,
                        DocumentService.fileName(i18n.get("doc.ceremony.dossier.file"), when), docFormats, folder,
                        steps).files());
            }
            if (what.contains(DocumentService.CeremonyDocument.TENTS)) {
                Path file = folder.resolve(DocumentService.fileName(i18n.get("doc.ceremony.tents.file"), when) + ".pdf");
                DocumentService.cancelIf(progress);
                steps.step(0, 0, file.getFileName().toString());
                List<TableTents.Tent> tents = tents(d);
                if (tents.isEmpty()) {
                    throw new RuleViolationException("doc.ceremony.noSignatory", d.ceremony().title());
                }
                documents.write(file, out -> TableTents.write(tents, Producer.label(),
                        i18n.format("doc.ceremony.tents.title", d.ceremony().title()), created, out),
                        progress::cancelled);
                written.add(file);
            }
            if (print != null) {
                Path file = folder.resolve(DocumentService.fileName(i18n.get("doc.ceremony.print.file"), when) + ".pdf");
                DocumentService.cancelIf(progress);
                steps.step(0, 0, file.getFileName().toString());
                documents.write(file, out -> PdfOutput.write(print, Producer.label(), out), progress::cancelled);
                written.add(file);
            }
            if (what.contains(DocumentService.CeremonyDocument.PRESS)) {
                Workbook press = press(d, created);
                for (Format format : Format.values()) {
                    if (sheets.contains(format)) {
                        DocumentService.cancelIf(progress);
                        Path file = folder.resolve(DocumentService.fileName(i18n.get("doc.ceremony.press.file"), when)
                                + "." + format.extension());
                        steps.step(0, 0, file.getFileName().toString());
                        documents.write(file, format, null, press, press.sheets().getFirst(), progress::cancelled);
                        written.add(file);
                    }
                }
            }
        } catch (RuntimeException e) {
            throw DocumentService.undo(written, e);
        }
        progress.step(total, total, "");
        return new DocumentService.Written(written);
    }

    // ---- dossier de cérémonie -------------------------------------------------------------------

    Doc dossier(Data d, OffsetDateTime created) {
        Ceremony c = d.ceremony();
        List<Doc.Block> blocks = new ArrayList<>();
        blocks.add(new Doc.Heading(1, i18n.get("doc.ceremony.about")));
        blocks.add(new Doc.Facts(List.of(
                fact("doc.ceremony.date", f.date(c.date())),
                fact("doc.ceremony.time", c.startTime() == null ? "" : time(c.startTime())),
                fact("doc.ceremony.place", c.place()),
                fact("doc.ceremony.host", c.host()),
                fact("doc.ceremony.partners", c.partners()),
                fact("doc.ceremony.press", c.press()))));
        blocks.add(new Doc.Paragraph(commitments(d), Doc.Emphasis.STRONG));

        blocks.add(new Doc.Heading(1, i18n.get("doc.ceremony.programme")));
        if (c.programme().isEmpty()) {
            blocks.add(new Doc.Paragraph(i18n.get("doc.ceremony.noProgramme"), Doc.Emphasis.NOTE));
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (ProgrammeItem p : c.programme()) {
                rows.add(List.of(p.time() == null ? "" : time(p.time()), p.speaker(), p.speakerTitle(), p.subject()));
            }
            blocks.add(new Doc.Table(List.of(Doc.Column.text(i18n.get("doc.ceremony.hour"), 0.8),
                    Doc.Column.text(i18n.get("doc.ceremony.speaker"), 2.2),
                    Doc.Column.text(i18n.get("doc.ceremony.speakerTitle"), 2.6),
                    Doc.Column.text(i18n.get("doc.ceremony.subject"), 3.0)), rows, false));
        }

        blocks.add(new Doc.Heading(1, i18n.get("doc.ceremony.order")));
        List<List<String>> rows = new ArrayList<>();
        int order = 1;
        for (CeremonyItem item : d.items()) {
            boolean first = true;
            for (CeremonySignatory s : item.signatories()) {
                rows.add(List.of(first ? Integer.toString(order) : "", first ? item.companyName() : "", s.fullName(),
                        s.jobTitle().isEmpty() ? DocFormats.NONE : s.jobTitle(), i18n.label(s.attendance())));
                first = false;
            }
            if (item.signatories().isEmpty()) {
                rows.add(List.of(Integer.toString(order), item.companyName(), DocFormats.NONE, "", ""));
            }
            order++;
        }
        blocks.add(new Doc.Table(List.of(Doc.Column.number(i18n.get("doc.ceremony.rank"), 0.6),
                Doc.Column.text(i18n.get("doc.ceremony.company"), 2.4), Doc.Column.text(i18n.get("doc.ceremony.signatory"), 2.2),
                Doc.Column.text(i18n.get("doc.ceremony.jobTitle"), 3.0),
                Doc.Column.text(i18n.get("doc.ceremony.attendance"), 1.1)), rows, false));

        List<Total> totals = totals(d.items().stream().flatMap(i -> d.lines().get(i.conventionId()).stream()).toList());
        if (!totals.isEmpty()) {
            blocks.add(new Doc.Heading(1, i18n.get("doc.ceremony.totals")));
            blocks.add(new Doc.Table(List.of(Doc.Column.text(i18n.get("doc.fiche.indicator"), 4.0),
                    Doc.Column.text(i18n.get("doc.fiche.unit"), 1.2), Doc.Column.number(i18n.get("doc.fiche.target"), 1.4)),
                    totals.stream().map(t -> List.of(f.indicatorName(t.indicator()), f.unit(t.indicator().unit()),
                            f.sum(t.target(), t.indicator().unit()))).toList(), false));
        }

        order = 1;
        for (CeremonyItem item : d.items()) {
            blocks.add(new Doc.PageBreak());
            company(item, order++, d.lines().get(item.conventionId()), blocks);
        }
        String subtitle = i18n.format("doc.ceremony.subtitle", c.title(), f.date(c.date()), c.place());
        return new Doc(i18n.get("doc.ceremony.dossier.title"), subtitle,
                i18n.format("doc.ceremony.footer", c.title(), f.date(c.date())), created, blocks);
    }

    /** One page of the dossier: the company, its signatories and its engagements with their targets. */
    private void company(CeremonyItem item, int order, List<BilanLine> lines, List<Doc.Block> blocks) {
        blocks.add(new Doc.Heading(1, i18n.format("doc.ceremony.companyHeading", order, item.companyName())));
        blocks.add(new Doc.Facts(List.of(
                fact("doc.fiche.reference", item.reference()),
                fact("doc.fiche.title", item.title()),
                fact("doc.fiche.epci", item.epciName()),
                fact("doc.fiche.signatories", item.signatories().stream()
                        .map(s -> s.jobTitle().isEmpty() ? s.fullName() : s.fullName() + ", " + s.jobTitle())
                        .collect(Collectors.joining("\n"))))));
        blocks.add(new Doc.Heading(2, i18n.get("doc.ceremony.engagements")));
        Map<UUID, List<BilanLine>> byEngagement = new LinkedHashMap<>();
        lines.stream().filter(BilanLine::reportable)
                .forEach(l -> byEngagement.computeIfAbsent(l.engagementId(), k -> new ArrayList<>()).add(l));
        if (byEngagement.isEmpty()) {
            blocks.add(new Doc.Paragraph(i18n.get("doc.fiche.noEngagement"), Doc.Emphasis.NOTE));
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<BilanLine> engagement : byEngagement.values()) {
            Map<UUID, List<BilanLine>> byIndicator = new LinkedHashMap<>();
            engagement.forEach(l -> byIndicator.computeIfAbsent(l.indicator().id(), k -> new ArrayList<>()).add(l));
            boolean first = true;
            for (List<BilanLine> indicator : byIndicator.values()) {
                Indicator ind = indicator.getFirst().indicator();
                String targets = indicator.stream().filter(l -> l.target() != null)
                        .map(l -> i18n.format("doc.ceremony.yearTarget", Integer.toString(l.year()),
                                f.value(l.target(), ind.unit())))
                        .collect(Collectors.joining("\n"));
                rows.add(List.of(first ? engagement.getFirst().actionTypeName() : "", ind.name(),
                        targets.isEmpty() ? DocFormats.NONE : targets));
                first = false;
            }
        }
        blocks.add(new Doc.Table(List.of(Doc.Column.text(i18n.get("doc.fiche.action"), 3.2),
                Doc.Column.text(i18n.get("doc.fiche.indicator"), 2.6),
                Doc.Column.text(i18n.get("doc.ceremony.targets"), 2.0)), rows, false));
    }

    record Total(Indicator indicator, BigDecimal target) {
    }

    /** The targets added up by indicator over every year, for the summable indicators. */
    static List<Total> totals(List<BilanLine> lines) {
        Map<UUID, Total> sums = new LinkedHashMap<>();
        for (BilanLine l : lines) {
            if (!l.reportable() || !l.indicator().summable() || l.target() == null) {
                continue;
            }
            sums.merge(l.indicator().id(), new Total(l.indicator(), l.target()),
                    (a, b) -> new Total(a.indicator(), a.target().add(b.target())));
        }
        // in the order the engagements come, category by category, a part right after its parent
        return partsAfterParents(sums.values().stream().filter(t -> t.target().signum() > 0).toList(),
                Total::indicator);
    }

    /**
     * The items in their order, each part (« dont … », {@link Indicator#part()}) moved right after
     * its parent's item ({@link fr.ancrage.domain.EngagementRules#PART_OF}). A part whose parent is
     * not among the items keeps its place.
     */
    static <T> List<T> partsAfterParents(List<T> items, java.util.function.Function<T, Indicator> indicator) {
        java.util.Map<T, T> parentOf = new java.util.HashMap<>();
        for (T item : items) {
            String parent = fr.ancrage.domain.EngagementRules.PART_OF.get(indicator.apply(item).code());
            if (parent != null) {
                items.stream().filter(o -> parent.equals(indicator.apply(o).code())).findFirst()
                        .ifPresent(p -> parentOf.put(item, p));
            }
        }
        List<T> ordered = new java.util.ArrayList<>();
        for (T item : items) {
            if (parentOf.containsKey(item)) {
                continue;
            }
            ordered.add(item);
            items.stream().filter(part -> item.equals(parentOf.get(part))).forEach(ordered::add);
        }
        return ordered;
    }

    /** « 10 entreprises s'engagent : 120 stages de 3e proposés, … ». */
    String commitments(Data d) {
        // the companies that commit to something: a convention without engagement adds none
        long companies = d.items().stream().filter(i -> i.engagements() > 0).map(CeremonyItem::companyId).distinct()
                .count();
        List<Total> totals = totals(d.items().stream().flatMap(i -> d.lines().get(i.conventionId()).stream()).toList());
        if (totals.isEmpty()) {
            return i18n.format("doc.ceremony.commitNone", companies);
        }
        String list = totals.stream().limit(8).map(t -> t.indicator().part() && t.indicator().unit() == IndicatorUnit.COUNT
                        // « 30 embauches…, dont 10 emplois francs »
                        ? i18n.format("doc.ceremony.commitPart", f.sum(t.target(), t.indicator().unit()),
                        lowerFirst(DocFormats.withoutPartPrefix(t.indicator().name())))
                        : t.indicator().unit() == IndicatorUnit.COUNT
                        ? i18n.format("doc.ceremony.commitCount", f.sum(t.target(), t.indicator().unit()),
                        lowerFirst(t.indicator().name()))
                        : i18n.format("doc.ceremony.commitValue", lowerFirst(t.indicator().name()),
                        f.sum(t.target(), t.indicator().unit())))
                .collect(Collectors.joining(", "));
        return i18n.format("doc.ceremony.commit", companies, list
                + (totals.size() > 8 ? i18n.get("doc.ceremony.commitMore") : ""));
    }

    private String lowerFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(i18n.locale()) + s.substring(1);
    }

    // ---- table tents, conventions to print, press list ------------------------------------------

    /**
     * A tent per person at the signing table: the prefect who signs every convention has one; who
     * declined has none.
     */
    List<TableTents.Tent> tents(Data d) {
        return d.items().stream().flatMap(i -> i.signatories().stream())
                .filter(s -> s.attendance() != fr.ancrage.domain.Attendance.DECLINED)
                .map(s -> new TableTents.Tent(s.fullName(), s.jobTitle(), s.organisationName()))
                .distinct().toList();
    }

    /** The conventions in signing order, each {@code originals} times; every problem reported before. */
    Doc toPrint(Data d, int originals, OffsetDateTime created) {
        if (originals < 1 || originals > 20) {
            throw new RuleViolationException("doc.ceremony.originals", originals);
        }
        ConventionToSign sign = new ConventionToSign(i18n);
        OdtTemplate template = documents.conventionTemplate();
        List<ConventionToSign.Data> all = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (CeremonyItem item : d.items()) {
            ConventionToSign.Data data = documents.toSignData(item.conventionId());
            List<String> found = documents.toSignProblems(sign, template, data);
            if (!found.isEmpty()) {
                problems.add(i18n.format("doc.ceremony.printProblem", item.reference(), item.companyName(),
                        String.join(" ", found)));
            }
            all.add(data);
        }
        if (!problems.isEmpty()) {
            throw new RuleViolationException("doc.ceremony.printProblems", problems.size(),
                    "• " + String.join("\n• ", problems));
        }
        List<Doc.Block> blocks = new ArrayList<>();
        // each original starts with the letterhead, as the convention printed alone
        Doc.Letterhead head = documents.letterhead();
        for (ConventionToSign.Data data : all) {
            Doc one = documents.fillToSign(sign, template, data, created).doc();
            for (int n = 1; n <= originals; n++) {
                if (!blocks.isEmpty()) {
                    blocks.add(new Doc.PageBreak());
                }
                if (head != null) {
                    blocks.add(head);
                }
                blocks.add(new Doc.Paragraph(i18n.format("doc.ceremony.original", n, originals,
                        data.convention().reference()), Doc.Emphasis.NOTE));
                blocks.add(new Doc.Heading(1, one.title()));
                if (!one.subtitle().isEmpty()) {
                    blocks.add(new Doc.Paragraph(one.subtitle(), Doc.Emphasis.STRONG));
                }
                blocks.addAll(one.blocks());
            }
        }
        Ceremony c = d.ceremony();
        int parties = all.stream().mapToInt(data -> data.convention().signatories().size()).max().orElse(1);
        return new Doc(i18n.get("doc.ceremony.print.title"), i18n.format("doc.ceremony.subtitle", c.title(),
                f.date(c.date()), c.place()), i18n.format("doc.ceremony.footer", c.title(), f.date(c.date())),
                created, blocks).withInitials(new Doc.Initials(Math.max(1, parties), i18n.get("doc.toSign.initials")));
    }

    Workbook press(Data d, OffsetDateTime created) {
        List<Workbook.Column> columns = List.of(
                Workbook.Column.of(i18n.get("doc.ceremony.rank"), Workbook.Kind.INTEGER),
                Workbook.Column.of(i18n.get("doc.ceremony.company"), Workbook.Kind.TEXT),
                Workbook.Column.of(i18n.get("doc.ceremony.signatory"), Workbook.Kind.TEXT),
                Workbook.Column.of(i18n.get("doc.ceremony.jobTitle"), Workbook.Kind.TEXT),
                Workbook.Column.of(i18n.get("doc.ceremony.organisation"), Workbook.Kind.TEXT),
                Workbook.Column.of(i18n.get("doc.ceremony.role"), Workbook.Kind.TEXT),
                Workbook.Column.of(i18n.get("doc.ceremony.attendance"), Workbook.Kind.TEXT),
                Workbook.Column.of(i18n.get("doc.fiche.epci"), Workbook.Kind.TEXT),
                Workbook.Column.of(i18n.get("doc.fiche.reference"), Workbook.Kind.CODE));
        List<List<Object>> rows = new ArrayList<>();
        int order = 1;
        for (CeremonyItem item : d.items()) {
            for (CeremonySignatory s : item.signatories()) {
                rows.add(java.util.Arrays.asList(order, item.companyName(), s.fullName(), s.jobTitle(),
                        s.organisationName(), i18n.label(s.role()), i18n.label(s.attendance()), item.epciName(),
                        item.reference()));
            }
            order++;
        }
        String name = i18n.get("doc.ceremony.press.sheet");
        return new Workbook(i18n.format("doc.ceremony.press.title", d.ceremony().title()), created,
                List.of(new Workbook.Sheet(name, columns, rows)));
    }

    private Doc.Fact fact(String key, String value) {
        return new Doc.Fact(i18n.get(key), value == null || value.isEmpty() ? DocFormats.NONE : value);
    }

    private static String time(java.time.LocalTime t) {
        return String.format(java.util.Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
    }
}
