package fr.ancrage.service.documents;

import fr.ancrage.documents.CsvOutput;
import fr.ancrage.documents.Doc;
import fr.ancrage.documents.Format;
import fr.ancrage.documents.OdsOutput;
import fr.ancrage.documents.OdtOutput;
import fr.ancrage.documents.OdtTemplate;
import fr.ancrage.documents.PdfOutput;
import fr.ancrage.documents.ReadBack;
import fr.ancrage.documents.SafeFiles;
import fr.ancrage.documents.Workbook;
import fr.ancrage.documents.XlsxOutput;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionFigure;
import fr.ancrage.domain.DashboardFilter;
import fr.ancrage.domain.DashboardSlice;
import fr.ancrage.domain.Department;
import fr.ancrage.domain.Epci;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.RecordKind;
import fr.ancrage.domain.StaleRecordException;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Store;
import fr.ancrage.service.DashboardService;
import fr.ancrage.service.EngagementService;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * The documents of Ancrage: the fiche of a convention, the bilan annuel of a territory, any list as
 * a spreadsheet. Every file is written whole or not at all ({@link SafeFiles}); a failure becomes a
 * {@link RuleViolationException} whose French message says what to fix. Blocking: background tasks.
 */
public final class DocumentService {

    /** What a long export reports as it goes, and how it learns it was cancelled. */
    public interface Progress {
        Progress NONE = new Progress() {
        };

        default void step(int done, int total, String what) {
        }

        default boolean cancelled() {
            return false;
        }
    }

    /** The files an export wrote, in the order written. */
    public record Written(List<Path> files) {
        public Written {
            files = List.copyOf(files);
        }
    }

    private final Store store;
    private final Clock clock;
    private final I18n i18n;
    private final EngagementService engagements;
    private final DashboardService dashboard;
    private final Path templateFolder;
    private final LetterheadService letterheads;

    public DocumentService(Store store, Clock clock, I18n i18n) {
        this(store, clock, i18n, null);
    }

    /** {@code templateFolder}: where the team's own templates are kept (null: only the templates provided). */
    public DocumentService(Store store, Clock clock, I18n i18n, Path templateFolder) {
        this.store = store;
        this.clock = clock;
        this.i18n = i18n;
        this.engagements = new EngagementService(store);
        this.dashboard = new DashboardService(store, clock);
        this.templateFolder = templateFolder;
        this.letterheads = new LetterheadService(store);
    }

    /** « En-tête des documents »: the letterhead every document carries. */
    public LetterheadService letterheads() {
        return letterheads;
    }

    /** The document under the team's letterhead, read now; as it is when none was set. */
    Doc underLetterhead(Doc doc) {
        Doc.Letterhead head = letterhead();
        return head == null ? doc : doc.withLetterhead(head);
    }

    /** The team's letterhead as the documents draw it, read now; null when none was set. */
    Doc.Letterhead letterhead() {
        fr.ancrage.domain.Letterhead l = letterheads.get();
        if (!l.configured()) {
            return null;
        }
        List<String> contact = new ArrayList<>();
        if (!l.followedBy().isEmpty()) {
            contact.add(i18n.format("doc.letterhead.followedBy", l.followedBy()));
        }
        contact.addAll(l.contact().lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
        return new Doc.Letterhead(l.authority(), l.identityLines(), contact, l.logo(), l.logoDescription());
    }

    /**
     * The creation time written into documents: now, to the even second below. A zip (ODT, ODS, XLSX,
     * a package) dates its entries in steps of two seconds; on an odd second its entries showed a
     * second before the time its manifest and metadata give (issue 16). Read once per export and
     * passed to everything the export writes.
     */
    public OffsetDateTime now() {
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        return now.minusSeconds(now.getSecond() % 2);
    }

    // ---- fiche convention -------------------------------------------------------------------------

    public Doc conventionFiche(UUID conventionId, OffsetDateTime created) {
        return new ConventionFiche(i18n, LocalDate.now(clock).getYear()).build(ficheData(conventionId), created);
    }

    ConventionFiche.Data ficheData(UUID conventionId) {
        var bilan = engagements.bilan(conventionId);
        var items = engagements.list(conventionId);
        var counterparts = engagements.counterparts(conventionId);
        return store.read(r -> {
            Convention c = r.conventions().findById(conventionId)
                    .orElseThrow(() -> new StaleRecordException(RecordKind.CONVENTION, ""));
            Organisation company = c.companyId() == null ? null : r.organisations().findById(c.companyId()).orElse(null);
            String department = r.territories().departments().stream().filter(d -> d.code().equals(c.departmentCode()))
                    .map(Department::name).findFirst().orElse(null);
            String epci = c.epciSiren().isEmpty() ? null
                    : r.territories().epci(c.epciSiren()).map(Epci::name).orElse(c.epciSiren());
            List<Qpv> qpvs = r.qpvs().list().stream().filter(q -> c.qpvIds().contains(q.id()))
                    .sorted(Comparator.comparing(Qpv::code)).toList();
            Map<UUID, String> names = new HashMap<>();
            counterparts.forEach(cp -> {
                if (cp.partnerId() != null) {
                    r.organisations().findById(cp.partnerId()).ifPresent(o -> names.put(o.id(), o.legalName()));
                }
            });
            return new ConventionFiche.Data(c, company, department, epci, qpvs, items, bilan, counterparts, names);
        });
    }

    /** Writes the fiche of a convention in each format (PDF, ODT) into the folder. */
    public Written exportFiche(UUID conventionId, Set<Format> formats, Path folder, Progress progress) {
        ConventionFiche.Data data = ficheData(conventionId);
        Doc doc = new ConventionFiche(i18n, LocalDate.now(clock).getYear()).build(data, now());
        String base = fileName(i18n.get("doc.fiche.file"), data.convention().reference());
        return writeAll(doc, null, base, formats, folder, progress);
    }

    // ---- convention à signer ---------------------------------------------------------------------

    static final String CONVENTION_TEMPLATE = "convention-a-signer.odt";
    private static final OffsetDateTime TEMPLATE_DATE = OffsetDateTime.parse("2026-01-01T00:00:00Z");

    /** The team's own template of the convention to sign, when it made one. */
    public java.util.Optional<Path> customConventionTemplate() {
        if (templateFolder == null) {
            return java.util.Optional.empty();
        }
        Path custom = templateFolder.resolve(CONVENTION_TEMPLATE);
        return Files.isRegularFile(custom) ? java.util.Optional.of(custom) : java.util.Optional.empty();
    }

    /** The template provided with Ancrage, as an ODT the team can open in LibreOffice. */
    public byte[] providedConventionTemplate() {
        try (var in = DocumentService.class.getResourceAsStream("/fr/ancrage/documents/convention-a-signer.txt")) {
            Doc doc = TemplateText.parse(new String(java.util.Objects.requireNonNull(in).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8), TEMPLATE_DATE);
            var out = new java.io.ByteArrayOutputStream();
            OdtOutput.write(doc, Producer.label(), out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Copies the provided template into the template folder for the team to edit (kept if already
     * there); returns its path.
     */
    public Path editableConventionTemplate() {
        if (templateFolder == null) {
            throw new IllegalStateException("no template folder");
        }
        Path custom = templateFolder.resolve(CONVENTION_TEMPLATE);
        if (!Files.exists(custom)) {
            try {
                byte[] provided = providedConventionTemplate();
                SafeFiles.write(custom, out -> out.write(provided), ReadBack.of(Format.ODT));
            } catch (IOException e) {
                throw failure(e, custom);
            }
        }
        return custom;
    }

    /** Goes back to the provided template: the team's is renamed {@code .bak}, never deleted. */
    public void useProvidedConventionTemplate() {
        customConventionTemplate().ifPresent(custom -> {
            try {
                Files.move(custom, custom.resolveSibling(CONVENTION_TEMPLATE + ".bak"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw failure(e, custom);
            }
        });
    }

    /** The placeholders templates may use (the guide lists them too). */
    public java.util.Set<String> conventionPlaceholders() {
        return new ConventionToSign(i18n).names();
    }

    /**
     * The convention to sign from the team's template (or the provided one), as ODT and PDF. Every
     * problem of the template or of the convention is reported together before anything is written.
     */
    public Written exportConventionToSign(UUID conventionId, Set<Format> formats, Path folder, Progress progress) {
        progress.step(0, formats.size() + 1, i18n.get("doc.progress.reading"));
        ConventionToSign sign = new ConventionToSign(i18n);
        ConventionToSign.Data data = toSignData(conventionId);
        OdtTemplate template = conventionTemplate();
        List<String> problems = toSignProblems(sign, template, data);
        if (!problems.isEmpty()) {
            throw new RuleViolationException("doc.template.problems", data.convention().reference(),
                    "• " + String.join("\n• ", problems));
        }
        ToSign prepared = fillToSign(sign, template, data, now());
        OdtTemplate.Filled filled = prepared.filled();
        Doc doc = prepared.doc();
        String base = fileName(i18n.get("doc.toSign.file"), data.convention().reference());
        List<Path> written = new ArrayList<>();
        int done = 1;
        try {
            for (Format format : List.of(Format.ODT, Format.PDF)) {
                if (!formats.contains(format)) {
                    continue;
                }
                cancelIf(progress);
                Path file = folder.resolve(base + "." + format.extension());
                progress.step(done++, formats.size() + 1, file.getFileName().toString());
                write(file, format == Format.ODT ? filled::writeTo
                        : out -> PdfOutput.write(underLetterhead(doc), Producer.label(), out), progress::cancelled);
                written.add(file);
            }
        } catch (RuntimeException e) {
            throw undo(written, e);
        }
        progress.step(formats.size() + 1, formats.size() + 1, "");
        return new Written(written);
    }

    /** A convention to sign filled from the template: the ODT, and the same as a document for the PDF. */
    record ToSign(OdtTemplate.Filled filled, Doc doc) {
    }

    /** The team's template of the convention to sign, or the provided one. */
    OdtTemplate conventionTemplate() {
        Path templatePath = customConventionTemplate().orElse(null);
        try {
            return OdtTemplate.of(templatePath == null ? providedConventionTemplate() : Files.readAllBytes(templatePath));
        } catch (IOException e) {
            throw templateFailure(e);
        }
    }

    /**
     * A French message for a template that cannot be used: which file, which part of it and why
     * (refused for its size, its compression, a DTD or broken XML; or unreadable).
     */
    RuntimeException templateFailure(IOException e) {
        String name = customConventionTemplate().map(Path::toString).orElse(i18n.get("doc.template.provided"));
        if (e instanceof OdtTemplate.Refused refused) {
            String part = refused.part() == null ? "" : refused.part();
            long megabytes = refused.limit() >> 20;
            return switch (refused.reason()) {
                case TOO_LARGE -> refused.part() == null
                        ? new RuleViolationException("doc.template.refused.tooLargeTotal", name, megabytes)
                        : new RuleViolationException("doc.template.refused.tooLarge", name, part, megabytes);
                case TOO_COMPRESSED -> new RuleViolationException("doc.template.refused.compressed", name, part,
                        refused.limit());
                case TOO_MANY_PARTS -> new RuleViolationException("doc.template.refused.parts", name, refused.limit());
                case DOCTYPE -> new RuleViolationException("doc.template.refused.doctype", name, part);
                case NOT_XML -> new RuleViolationException("doc.template.refused.xml", name, part, refused.detail());
                case NOT_ODT -> new RuleViolationException("doc.template.unreadable", name,
                        (part.isEmpty() ? "" : part + " : ") + refused.detail());
            };
        }
        return new RuleViolationException("doc.template.unreadable", name, String.valueOf(e.getMessage()));
    }

    /** What keeps the template from being filled for this convention (empty: nothing). */
    List<String> toSignProblems(ConventionToSign sign, OdtTemplate template, ConventionToSign.Data data) {
        try {
            return sign.problems(template, data);
        } catch (IOException e) {
            throw templateFailure(e);
        }
    }

    ToSign fillToSign(ConventionToSign sign, OdtTemplate template, ConventionToSign.Data data, OffsetDateTime created) {
        String title = i18n.format("doc.toSign.docTitle", data.convention().reference());
        try {
            // the letterhead on the ODT's first page too, as on the PDF's (left out when read back for the PDF)
            OdtTemplate.Filled filled = template.fill(sign.values(data), sign.blocks(data), title, created,
                    Producer.label(), letterhead());
            // each party initials every page: as many boxes as signatories
            return new ToSign(filled, filled.toDoc(i18n.format("doc.toSign.footer", data.convention().reference()),
                    created).withInitials(new Doc.Initials(Math.max(1, data.convention().signatories().size()),
                    i18n.get("doc.toSign.initials"))));
        } catch (IOException e) {
            throw templateFailure(e);
        }
    }

    ConventionToSign.Data toSignData(UUID conventionId) {
        ConventionFiche.Data fiche = ficheData(conventionId);
        return store.read(r -> {
            var catalogue = r.catalogue().load();
            Map<UUID, fr.ancrage.domain.Indicator> indicators = new HashMap<>();
            catalogue.indicators().forEach(i -> indicators.put(i.id(), i));
            String commune = fiche.company() == null || fiche.company().communeCode().isEmpty() ? null
                    : r.territories().commune(fiche.company().communeCode()).map(fr.ancrage.domain.Commune::name).orElse(null);
            Map<UUID, String> names = new HashMap<>(fiche.organisationNames());
            fiche.convention().signatories().forEach(s -> {
                if (s.organisationId() != null && !names.containsKey(s.organisationId())) {
                    r.organisations().findById(s.organisationId()).ifPresent(o -> names.put(o.id(), o.legalName()));
                }
            });
            String place = r.letterhead().find().map(fr.ancrage.domain.Letterhead::place).orElse("");
            // the civilité of each signatory's contact: « Mme Valérie Cretin »
            Map<UUID, String> civilities = new HashMap<>();
            r.contacts().findByIds(fiche.convention().signatories().stream().map(fr.ancrage.domain.Signatory::contactId)
                    .filter(Objects::nonNull).toList()).forEach(c -> {
                        if (c.civility() != null) {
                            civilities.put(c.id(), i18n.shortLabel(c.civility()));
                        }
                    });
            return new ConventionToSign.Data(fiche.convention(), fiche.company(), commune, fiche.departmentName(),
                    fiche.epciName(), fiche.qpvs(), fiche.engagements(), indicators, fiche.counterparts(), names,
                    place, civilities);
        });
    }

    // ---- cérémonie -------------------------------------------------------------------------------

    /** The documents of a signing ceremony. */
    public enum CeremonyDocument {
        /** programme, signatories, totals, a page per company: PDF and/or ODT */
        DOSSIER,
        /** a table tent per signatory: PDF */
        TENTS,
        /** the conventions in signing order, in as many originals as chosen: PDF */
        PRINT,
        /** the signatories for the press: ODS, XLSX and/or CSV */
        PRESS
    }

    /**
     * Writes the chosen documents of a ceremony into the folder: the dossier in the text formats
     * chosen (PDF if none), the press list in the spreadsheet formats chosen (ODS if none), the table
     * tents and the conventions to print ({@code originals} of each) in PDF. All or nothing.
     */
    public Written exportCeremony(UUID ceremonyId, Set<CeremonyDocument> what, int originals, Set<Format> formats,
                                  Path folder, Progress progress) {
        return new CeremonyDocuments(this, store, i18n).export(ceremonyId, what, originals, formats, folder, progress);
    }

    // ---- bilan annuel -----------------------------------------------------------------------------

    /**
     * The bilan of an EPCI (by SIREN) or of a department (by code) for a year: the dashboard's
     * figures of that year, which lines have realised values (the others show « — »), the statuses
     * at the end of the year (today for the current year) and the companies' SIRET.
     */
    BilanReport.Data bilanData(DashboardFilter territory, int year) {
        DashboardFilter filter = territory.withYear(year);
        String name = territoryName(territory);
        var figures = dashboard.figures(filter);
        var qpvs = dashboard.qpvTotals(filter);
        var reportedValues = dashboard.reported(filter);
        var indicatorTotals = dashboard.indicatorTotals(filter);
        Set<UUID> withCountsReported = new java.util.HashSet<>();
        Map<UUID, ConventionFigure> conventions = new LinkedHashMap<>();
        dashboard.conventionsWithStatus(filter, null).forEach(c -> conventions.put(c.conventionId(), c));
        LocalDate today = LocalDate.now(clock);
        LocalDate endOfYear = LocalDate.of(year, 12, 31);
        LocalDate statusDate = endOfYear.isBefore(today) ? endOfYear : today;
        record Read(BilanReport.Reported reported, Map<UUID, Convention.StatusOn> statuses, Map<UUID, String> sirets,
                    Map<UUID, List<fr.ancrage.domain.IndicatorRanking>> parts) {
        }
        Read read = store.read(r -> {
            var catalogue = r.catalogue().load();
            Set<UUID> ids = new java.util.HashSet<>(conventions.keySet());
            reportedValues.forEach(v -> ids.add(v.conventionId()));
            Map<UUID, Convention> records = new HashMap<>();
            r.conventions().findByIds(ids).forEach(c -> records.put(c.id(), c));
            // which lines have a realised value that year, as the dashboard's totals group them
            Set<BilanReport.Key> categories = new java.util.HashSet<>();
            Set<BilanReport.Key> axes = new java.util.HashSet<>();
            Set<BilanReport.Key> qpvKeys = new java.util.HashSet<>();
            Set<UUID> indicators = new java.util.HashSet<>();
            for (var v : reportedValues) {
                var indicator = catalogue.indicator(v.indicatorId()).orElse(null);
                if (indicator == null) {
                    continue;
                }
                indicators.add(indicator.id());
                if (indicator.part()) {
                    continue; // never in a total
                }
                IndicatorUnit unit = indicator.unit();
                categories.add(new BilanReport.Key(indicator.categoryId(), unit));
                axes.add(new BilanReport.Key(catalogue.actionType(v.actionTypeId())
                        .map(fr.ancrage.domain.ActionType::axis).orElse(null), unit));
                Convention c = records.get(v.conventionId());
                if (c != null) {
                    c.qpvIds().forEach(q -> qpvKeys.add(new BilanReport.Key(q, unit)));
                }
                if (unit == IndicatorUnit.COUNT) {
                    withCountsReported.add(v.conventionId());
                }
            }
            Map<UUID, Convention.StatusOn> statuses = new HashMap<>();
            conventions.keySet().forEach(id -> {
                Convention c = records.get(id);
                if (c != null) {
                    statuses.put(id, c.statusOn(statusDate, today));
                }
            });
            Map<UUID, String> sirets = new HashMap<>();
            Set<UUID> companyIds = new java.util.HashSet<>();
            conventions.values().forEach(c -> {
                if (c.companyId() != null) {
                    companyIds.add(c.companyId());
                }
            });
            r.organisations().findByIds(companyIds).forEach(o -> {
                if (!o.siret().isEmpty()) {
                    sirets.put(o.id(), o.siret());
                }
            });
            // the sub-indicators' figures, to stand under their parent among the key indicators
            Map<UUID, List<fr.ancrage.domain.IndicatorRanking>> parts = new HashMap<>();
            catalogue.partsByParent().forEach((parent, ofParent) -> ofParent.forEach(part -> indicatorTotals.stream()
                    .filter(t -> t.indicatorId().equals(part.id())).findFirst()
                    .ifPresent(t -> parts.computeIfAbsent(parent, k -> new ArrayList<>()).add(t))));
            return new Read(new BilanReport.Reported(categories, axes, qpvKeys, indicators, withCountsReported),
                    statuses, sirets, parts);
        });
        for (ConventionFigure withCounts : dashboard.conventionsBehind(filter, DashboardSlice.of(IndicatorUnit.COUNT))) {
            conventions.computeIfPresent(withCounts.conventionId(), (id, c) -> new ConventionFigure(id, c.reference(),
                    c.companyId(), c.companyName(), c.status(), c.endDate(), withCounts.target(),
                    withCountsReported.contains(id) ? withCounts.realised() : null));
        }
        // a convention without any count that year: a target of 0, nothing reported
        conventions.replaceAll((id, c) -> c.realised() != null && !withCountsReported.contains(id)
                ? new ConventionFigure(id, c.reference(), c.companyId(), c.companyName(), c.status(), c.endDate(),
                c.target(), null) : c);
        List<ConventionFigure> list = new ArrayList<>(conventions.values());
        list.sort(Comparator.comparing((ConventionFigure c) -> Objects.requireNonNullElse(c.companyName(), ""),
                java.text.Collator.getInstance(Locale.FRANCE)).thenComparing(ConventionFigure::reference));
        Set<UUID> ids = new java.util.HashSet<>(conventions.keySet());
        Map<fr.ancrage.domain.ReportState, Integer> reports = store.read(r -> r.campaigns().findByYear(year)
                .map(campaign -> {
                    Map<fr.ancrage.domain.ReportState, Integer> byState = new java.util.EnumMap<>(
                            fr.ancrage.domain.ReportState.class);
                    r.campaigns().reportsOf(campaign.id(), ids)
                            .forEach(rep -> byState.merge(rep.state(), 1, Integer::sum));
                    return byState;
                }).orElse(null));
        return new BilanReport.Data(name, year, figures, qpvs, list, reports, read.reported(), statusDate, today,
                read.statuses(), read.sirets(), read.parts());
    }

    public String territoryName(DashboardFilter territory) {
        if (territory.epciSiren() != null) {
            return store.read(r -> r.territories().epci(territory.epciSiren())).map(Epci::name)
                    .orElseThrow(() -> new RuleViolationException("doc.error.unknownEpci", territory.epciSiren()));
        }
        if (territory.departmentCode() != null) {
            return store.read(r -> r.territories().departments()).stream()
                    .filter(d -> d.code().equals(territory.departmentCode()))
                    .map(d -> d.code() + " – " + d.name()).findFirst()
                    .orElseThrow(() -> new RuleViolationException("doc.error.unknownDepartment", territory.departmentCode()));
        }
        return i18n.get("doc.bilan.france");
    }

    public Doc bilanDocument(DashboardFilter territory, int year, OffsetDateTime created) {
        return new BilanReport(i18n).document(bilanData(territory, year), created);
    }

    public Workbook bilanWorkbook(DashboardFilter territory, int year, OffsetDateTime created) {
        return new BilanReport(i18n).workbook(bilanData(territory, year), created);
    }

    /** Writes the bilan in each format: PDF and ODT as documents, ODS and XLSX as workbooks (CSV: the companies). */
    public Written exportBilan(DashboardFilter territory, int year, Set<Format> formats, Path folder, Progress progress) {
        progress.step(0, formats.size() + 1, i18n.get("doc.progress.reading"));
        BilanReport report = new BilanReport(i18n);
        BilanReport.Data data = bilanData(territory, year);
        OffsetDateTime created = now();
        Doc doc = report.document(data, created);
        Workbook workbook = report.workbook(data, created);
        String base = fileName(i18n.get("doc.bilan.file"), year + " " + data.territory());
        return writeAll(doc, workbook, base, formats, folder, progress);
    }

    // ---- packages ---------------------------------------------------------------------------------

    /**
     * The bilan of a territory and year as one package ({@code .zip}): its documents and
     * spreadsheets in the chosen formats, and the records behind it (the conventions counted that
     * year with their companies, signatories, engagements, realised values, counterparts, QPVs, the
     * catalogue entries they use and the year's campaign reports) as JSON.
     */
    public Path exportBilanPackage(DashboardFilter territory, int year, Set<Format> formats, Path folder,
                                   Progress progress) {
        int total = formats.size() + 3;
        progress.step(0, total, i18n.get("doc.progress.reading"));
        BilanReport report = new BilanReport(i18n);
        BilanReport.Data data = bilanData(territory, year);
        OffsetDateTime created = now();
        Doc doc = report.document(data, created);
        Workbook workbook = report.workbook(data, created);
        String level = territory.epciSiren() != null ? "EPCI" : territory.departmentCode() != null ? "DEPARTMENT" : "COUNTRY";
        String code = territory.epciSiren() != null ? territory.epciSiren() : territory.departmentCode();
        String entryBase = "bilan-annuel-" + year + "-" + switch (level) {
            case "EPCI" -> "epci-" + code;
            case "DEPARTMENT" -> "departement-" + code.toLowerCase(Locale.ROOT);
            default -> "france";
        };
        PackageWriter pack = new PackageWriter(new PackageWriter.Scope("bilan-annuel", report.title(data), level, code,
                data.territory(), year, null), created, i18n.locale().getLanguage());
        int done = 1;
        for (Format format : Format.values()) {
            if (!formats.contains(format)) {
                continue;
            }
            cancelIf(progress);
            // entry names in ASCII: every zip tool reads them the same (the title says it in French)
            String name = entryBase + "." + format.extension();
            progress.step(done++, total, name);
            pack.add((format.isText() ? "documents/" : "tableurs/") + name, format.mediaType(),
                    bytes(name, format, doc, workbook, workbook.sheets().getLast(), progress::cancelled));
        }
        cancelIf(progress);
        progress.step(done++, total, i18n.get("doc.progress.records"));
        RecordsJson.Records records = records(data.conventions().stream().map(ConventionFigure::conventionId).toList(), year);
        addRecords(pack, records);
        cancelIf(progress);
        Path file = folder.resolve(fileName(i18n.get("doc.package.file"), i18n.get("doc.bilan.file").toLowerCase(i18n.locale())
                + " " + year + " " + data.territory()) + ".zip");
        progress.step(done, total, file.getFileName().toString());
        try {
            SafeFiles.write(file, pack::writeTo, progress::cancelled, ReadBack.ZIP);
        } catch (IOException e) {
            throw failure(e, file);
        }
        progress.step(total, total, "");
        return file;
    }

    static void cancelIf(Progress progress) {
        if (progress.cancelled()) {
            throw new RuleViolationException("doc.error.cancelled");
        }
    }

    private byte[] bytes(String name, Format format, Doc doc, Workbook workbook, Workbook.Sheet csv,
                         BooleanSupplier cancelled) {
        var out = new java.io.ByteArrayOutputStream();
        try {
            render(format, doc, workbook, csv, out);
            // read back before it goes into the package, as a file would be
            ReadBack.verify(format, out.toByteArray());
        } catch (IOException e) {
            throw failure(e, Path.of(name));
        }
        if (cancelled.getAsBoolean()) {
            throw new RuleViolationException("doc.error.cancelled");
        }
        return out.toByteArray();
    }

    /** The records behind a set of conventions, read in one transaction with set-based queries. */
    RecordsJson.Records records(List<UUID> conventionIds, int year) {
        return store.read(r -> {
            var conventions = r.conventions().findByIds(conventionIds);
            var engagementsOf = r.engagements().findByConventions(conventionIds);
            var results = r.engagements().resultsOfConventions(conventionIds);
            var counterparts = r.engagements().counterpartsOfConventions(conventionIds);
            Set<UUID> organisationIds = new java.util.TreeSet<>();
            Set<UUID> contactIds = new java.util.TreeSet<>();
            Set<UUID> qpvIds = new java.util.HashSet<>();
            for (Convention c : conventions) {
                if (c.companyId() != null) {
                    organisationIds.add(c.companyId());
                }
                qpvIds.addAll(c.qpvIds());
                c.signatories().forEach(s -> {
                    if (s.organisationId() != null) {
                        organisationIds.add(s.organisationId());
                    }
                    if (s.contactId() != null) {
                        contactIds.add(s.contactId());
                    }
                });
            }
            Set<UUID> actionTypeIds = new java.util.HashSet<>();
            Set<UUID> indicatorIds = new java.util.HashSet<>();
            for (var e : engagementsOf) {
                qpvIds.addAll(e.qpvIds());
                if (e.partnerId() != null) {
                    organisationIds.add(e.partnerId());
                }
                actionTypeIds.add(e.actionTypeId());
                e.targets().forEach(t -> indicatorIds.add(t.indicatorId()));
            }
            results.forEach(v -> indicatorIds.add(v.indicatorId()));
            counterparts.forEach(c -> {
                if (c.partnerId() != null) {
                    organisationIds.add(c.partnerId());
                }
            });
            var catalogue = r.catalogue().load();
            var actionTypes = catalogue.actionTypes().stream().filter(t -> actionTypeIds.contains(t.id()))
                    .sorted(Comparator.comparing(t -> t.id())).toList();
            actionTypes.forEach(t -> indicatorIds.addAll(t.indicatorIds()));
            var indicators = catalogue.indicators().stream().filter(i -> indicatorIds.contains(i.id()))
                    .sorted(Comparator.comparing(i -> i.id())).toList();
            Set<UUID> categoryIds = new java.util.HashSet<>();
            actionTypes.forEach(t -> categoryIds.add(t.categoryId()));
            indicators.forEach(i -> {
                if (i.categoryId() != null) {
                    categoryIds.add(i.categoryId());
                }
            });
            var categories = catalogue.categories().stream().filter(c -> categoryIds.contains(c.id()))
                    .sorted(Comparator.comparing(c -> c.id())).toList();
            var qpvs = r.qpvs().list().stream().filter(q -> qpvIds.contains(q.id()))
                    .sorted(Comparator.comparing(Qpv::id)).toList();
            var campaign = r.campaigns().findByYear(year).orElse(null);
            var reports = campaign == null ? List.<fr.ancrage.domain.CampaignReport>of()
                    : r.campaigns().reportsOf(campaign.id(), conventionIds);
            var sortedConventions = conventions.stream().sorted(Comparator.comparing(Convention::id)).toList();
            return new RecordsJson.Records(categories, actionTypes, indicators, qpvs,
                    r.organisations().findByIds(organisationIds), r.contacts().findByIds(contactIds), sortedConventions,
                    engagementsOf, results, counterparts, campaign, reports);
        });
    }

    private static void addRecords(PackageWriter pack, RecordsJson.Records r) {
        String json = "application/json";
        pack.add("donnees/catalogue.json", json, RecordsJson.catalogue(r));
        pack.add("donnees/qpv.json", json, RecordsJson.qpvs(r));
        pack.add("donnees/organisations.json", json, RecordsJson.organisations(r));
        pack.add("donnees/contacts.json", json, RecordsJson.contacts(r));
        pack.add("donnees/conventions.json", json, RecordsJson.conventions(r));
        pack.add("donnees/engagements.json", json, RecordsJson.engagements(r));
        pack.add("donnees/realises.json", json, RecordsJson.results(r));
        pack.add("donnees/contreparties.json", json, RecordsJson.counterparts(r));
        pack.add("donnees/campagne.json", json, RecordsJson.campaign(r));
        pack.count("categories", r.categories().size());
        pack.count("actionTypes", r.actionTypes().size());
        pack.count("indicators", r.indicators().size());
        pack.count("qpvs", r.qpvs().size());
        pack.count("organisations", r.organisations().size());
        pack.count("contacts", r.contacts().size());
        pack.count("conventions", r.conventions().size());
        pack.count("engagements", r.engagements().size());
        pack.count("results", r.results().size());
        pack.count("counterparts", r.counterparts().size());
        pack.count("campaignReports", r.reports().size());
    }

    // ---- lists ------------------------------------------------------------------------------------

    /**
     * Writes what a list shows as one spreadsheet file (ODS, XLSX, or CSV with the list's rows
     * only); the workbook comes from {@link ListExports#workbook}.
     */
    public Path exportList(Workbook list, Format format, Path file) {
        if (format.isText()) {
            throw new IllegalArgumentException(format + " is not a spreadsheet format");
        }
        write(file, format, null, list, list.sheets().getFirst(), () -> false);
        return file;
    }

    /** All the conventions, every column, in each spreadsheet format (the command line's export). */
    public Written exportConventions(Set<Format> formats, Path folder) {
        var items = new fr.ancrage.service.ConventionService(store, clock).list();
        Workbook list = ListExports.workbook(i18n, i18n.get("doc.list.conventions"), i18n.get("doc.list.conventions"),
                ListExports.conventionColumns(i18n), items, Map.of(), now());
        return writeList(list, fileName(i18n.get("doc.list.conventions"), ""), formats, folder);
    }

    /** All the organisations, every column, in each spreadsheet format (the command line's export). */
    public Written exportOrganisations(Set<Format> formats, Path folder) {
        var items = new fr.ancrage.service.OrganisationService(store).list();
        Workbook list = ListExports.workbook(i18n, i18n.get("doc.list.organisations"), i18n.get("doc.list.organisations"),
                ListExports.organisationColumns(i18n), items, Map.of(), now());
        return writeList(list, fileName(i18n.get("doc.list.organisations"), ""), formats, folder);
    }

    private Written writeList(Workbook list, String base, Set<Format> formats, Path folder) {
        List<Path> written = new ArrayList<>();
        for (Format format : Format.values()) {
            if (formats.contains(format)) {
                written.add(exportList(list, format, folder.resolve(base + "." + format.extension())));
            }
        }
        return new Written(written);
    }

    // ---- writing ----------------------------------------------------------------------------------

    Written writeAll(Doc doc, Workbook workbook, String base, Set<Format> formats, Path folder,
                             Progress progress) {
        List<Path> written = new ArrayList<>();
        int total = formats.size() + 1;
        int done = 1;
        try {
            for (Format format : Format.values()) {
                if (!formats.contains(format) || (!format.isText() && workbook == null)) {
                    continue;
                }
                if (progress.cancelled()) {
                    throw new RuleViolationException("doc.error.cancelled");
                }
                Path file = folder.resolve(base + "." + format.extension());
                progress.step(done++, total, file.getFileName().toString());
                write(file, format, doc, workbook, workbook == null ? null : workbook.sheets().getLast(),
                        progress::cancelled);
                written.add(file);
            }
        } catch (RuntimeException e) {
            throw undo(written, e);
        }
        progress.step(total, total, "");
        return new Written(written);
    }

    /** All or nothing: the files an export already wrote go when a later one fails; the failure is returned. */
    static RuntimeException undo(List<Path> written, RuntimeException failure) {
        for (Path file : written) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the first failure is the one to report
            }
        }
        return failure;
    }

    /** Writes one file; {@code csv} is the sheet a CSV file holds. */
    void write(Path file, Format format, Doc doc, Workbook workbook, Workbook.Sheet csv, BooleanSupplier cancelled) {
        write(file, out -> render(format, doc, workbook, csv, out), cancelled);
    }

    /**
     * Writes one file whole or not at all, read back before it replaces anything (the check of its
     * extension, {@link ReadBack#forFile}); a failure becomes the French message of {@link #failure}.
     */
    void write(Path file, SafeFiles.Content content, BooleanSupplier cancelled) {
        try {
            SafeFiles.write(file, content, cancelled, ReadBack.forFile(file));
        } catch (IOException e) {
            throw failure(e, file);
        }
    }

    private void render(Format format, Doc doc, Workbook workbook, Workbook.Sheet csv, java.io.OutputStream out)
            throws IOException {
        String producer = Producer.label();
        switch (format) {
            case PDF -> PdfOutput.write(underLetterhead(doc), producer, out);
            case ODT -> OdtOutput.write(underLetterhead(doc), producer, out);
            case ODS -> OdsOutput.write(workbook, producer, out);
            case XLSX -> XlsxOutput.write(workbook, Producer.officeVersion(), out);
            case CSV -> CsvOutput.write(csv, out);
        }
    }

    /** A French message for what went wrong while writing {@code file}. */
    public RuntimeException failure(IOException e, Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (e instanceof InterruptedIOException) {
            return new RuleViolationException("doc.error.cancelled");
        }
        if (e instanceof SafeFiles.Unreadable) {
            return new RuleViolationException("doc.error.check", file.getFileName().toString(), String.valueOf(e.getMessage()));
        }
        if (e instanceof AccessDeniedException) {
            return new RuleViolationException("doc.error.unwritable", folder.toString());
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException || e instanceof java.nio.file.NotDirectoryException) {
            return new RuleViolationException("doc.error.noFolder", folder.toString());
        }
        if (e instanceof NoSuchFileException) {
            return new RuleViolationException("doc.error.noFolder", folder.toString());
        }
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        if (reason != null && (reason.contains("No space left") || reason.contains("Disk quota"))) {
            return new RuleViolationException("doc.error.diskFull", folder.toString());
        }
        if (reason != null && reason.contains("Not a directory")) {
            return new RuleViolationException("doc.error.noFolder", folder.toString());
        }
        if (reason != null && reason.contains("Read-only")) {
            return new RuleViolationException("doc.error.unwritable", folder.toString());
        }
        return new RuleViolationException("doc.error.write", file.getFileName().toString(), String.valueOf(reason));
    }

    /** A file name without characters that some file systems refuse. */
    static String fileName(String kind, String what) {
        String name = (kind + " " + what).replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", " ").replace('–', '-')
                .replaceAll("\\s+", " ").strip();
        return name.length() > 120 ? name.substring(0, 120).strip() : name;
    }
}
