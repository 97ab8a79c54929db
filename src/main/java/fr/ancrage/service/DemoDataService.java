package fr.ancrage.service;

import fr.ancrage.domain.ActionType;
import fr.ancrage.domain.CampaignReport;
import fr.ancrage.domain.Catalogue;
import fr.ancrage.domain.Commune;
import fr.ancrage.domain.Contact;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionRules;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.Counterpart;
import fr.ancrage.domain.Engagement;
import fr.ancrage.domain.EngagementRules;
import fr.ancrage.domain.EngagementStatus;
import fr.ancrage.domain.Framework;
import fr.ancrage.domain.GeographyVersion;
import fr.ancrage.domain.Indicator;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationKind;
import fr.ancrage.domain.OrganisationRules;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.RealisedValue;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.ReportState;
import fr.ancrage.domain.ReportingCampaign;
import fr.ancrage.domain.ResultSource;
import fr.ancrage.domain.Signatory;
import fr.ancrage.domain.SignatoryRole;
import fr.ancrage.domain.SizeBand;
import fr.ancrage.domain.Target;
import fr.ancrage.domain.Text;
import fr.ancrage.domain.validation.Siret;
import fr.ancrage.persistence.Repositories;
import fr.ancrage.persistence.Store;
import fr.ancrage.service.DemoData.CompanyRow;
import fr.ancrage.service.DemoData.ConventionRow;
import fr.ancrage.service.DemoData.CounterpartRow;
import fr.ancrage.service.DemoData.EngagementRow;
import fr.ancrage.service.DemoData.PartnerRow;
import fr.ancrage.service.DemoData.PersonRow;
import fr.ancrage.service.DemoData.Plan;
import fr.ancrage.service.DemoData.QpvRow;
import fr.ancrage.service.DemoData.ResultNote;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Loads the demonstration dataset: a fictional set of about forty companies of Grand Besançon
 * Métropole and their conventions, from the 17 March 2017 ceremony to conventions in preparation,
 * with their engagements and the counterparts of the public partners (tables in {@link DemoData}),
 * the realised values of the years before last year and the reporting campaign of the year before
 * last, mostly closed, with two reports overdue. Last year is left to report: its campaign is the
 * user's to open. Everything is written in one transaction: either the whole dataset is there or
 * nothing is. The
 * dataset is meant for an empty data folder (see {@link #isEmpty()}); a second load fails on the QPV
 * codes and changes nothing. Blocking: call from a background task.
 */
public final class DemoDataService {

    /** What {@link #load()} inserted. */
    public record DemoSummary(int organisations, int contacts, int qpvs, int conventions, int engagements,
                              int counterparts, int realisedValues, int campaignReports) {
    }

    /** The parts of a load, in the order they are written. */
    public enum Part { ORGANISATIONS, QPVS, CONVENTIONS, ENGAGEMENTS, RESULTS, CAMPAIGN }

    /**
     * How far a load is, told from the loading thread: {@code done} of {@code total} records of the
     * part (for {@link Part#ENGAGEMENTS}, conventions whose engagements are written; for
     * {@link Part#RESULTS}, engagements whose realised values are written).
     */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (part, done, total) -> { };

        void at(Part part, int done, int total);
    }

    private static final LocalDate CEREMONY_2017 = LocalDate.of(2017, 3, 17);
    private static final int DURATION_YEARS = 3;
    private static final Set<String> NOT_IN_DOMAIN = Set.of("a", "de", "du", "des", "la", "le", "les", "l", "d",
            "et", "sas", "sa", "sarl");

    private final Store store;
    private final Clock clock;

    public DemoDataService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** True when the database holds no organisation and no convention (a fresh data folder). */
    public boolean isEmpty() {
        return store.read(r -> r.organisations().count() == 0 && r.conventions().count() == 0);
    }

    /**
     * Inserts the dataset; the national territory reference data is imported first if missing (in
     * the same transaction, as a nested one). Dates of the recent conventions are relative to the
     * clock's today, so that some of them always end soon.
     */
    public DemoSummary load() {
        return load(Progress.NONE);
    }

    /** As {@link #load()}, telling {@code progress} how far the load is, part after part. */
    public DemoSummary load(Progress progress) {
        Objects.requireNonNull(progress, "progress");
        LocalDate today = LocalDate.now(clock);
        return store.write(r -> new Loader(r, today, progress).run());
    }

    /** One load: the state shared while the tables are turned into records. */
    private static final class Loader {
        private final Repositories r;
        private final LocalDate today;
        private final Progress progress;
        // Seeded: the same SIRET numbers, people and phone numbers at every load.
        private final Random random = new Random(2017);
        private final Map<String, Organisation> organisations = new HashMap<>();
        private final Map<String, List<Contact>> contacts = new HashMap<>();
        private final Map<String, Qpv> qpvs = new HashMap<>();
        private final Map<String, String> referents = new HashMap<>();
        private final Set<String> usedNames = new HashSet<>();
        private final Set<String> usedSirets = new HashSet<>();
        private final Map<String, Convention> conventions = new HashMap<>();
        private final Map<String, ConventionRow> conventionRows = new HashMap<>();
        private final List<SavedEngagement> savedEngagements = new ArrayList<>();
        private int contactCount;
        private int engagementCount;
        private int counterpartCount;
        private int resultCount;
        private int reportCount;

        Loader(Repositories r, LocalDate today, Progress progress) {
            this.r = r;
            this.today = today;
            this.progress = progress;
        }

        DemoSummary run() {
            r.referenceData().importIfMissing();
            r.territories().epci(DemoData.EPCI_SIREN).orElseThrow(() ->
                    new IllegalStateException("EPCI " + DemoData.EPCI_SIREN + " missing from the reference data"));
            if (r.letterhead().find().isEmpty()) {
                // the demo documents carry a letterhead, without logo: Ancrage ships none
                r.letterhead().save(new fr.ancrage.domain.Letterhead(RecordMeta.fresh(), "Préfet du Doubs",
                        "Direction départementale de l’emploi, du travail et des solidarités",
                        "Adresse fictive du jeu de démonstration\n25000 Besançon", "Julien Perrot, délégué du préfet",
                        "julien.perrot@demo.invalid", "Besançon", null, ""));
            }
            int organisationTotal = DemoData.PARTNERS.size() + DemoData.COMPANIES.size();
            progress.at(Part.ORGANISATIONS, 0, organisationTotal);
            for (PartnerRow p : DemoData.PARTNERS) {
                insert(p.key(), new Organisation(RecordMeta.fresh(), p.kind(), p.name(), p.siren(), "", "", null,
                        p.street(), postcodeOf(p.commune()), p.commune(), false, false, Set.of(),
                        "Jeu de démonstration : les personnes et leurs coordonnées sont fictives."));
            }
            for (PersonRow p : DemoData.PARTNER_PEOPLE) {
                String domain = DemoData.PARTNERS.stream().filter(x -> x.key().equals(p.organisation()))
                        .findFirst().orElseThrow().mailDomain();
                usedNames.add(p.firstName() + " " + p.lastName());
                addContact(p.organisation(), p.firstName(), p.lastName(), p.jobTitle(), domain, p.maySign());
            }
            for (CompanyRow c : DemoData.COMPANIES) {
                String siret = nextSiret();
                insert(c.key(), new Organisation(RecordMeta.fresh(), OrganisationKind.COMPANY, c.name(),
                        Siret.sirenOf(siret), siret, c.naf(), c.size(), c.street(), postcodeOf(c.commune()),
                        c.commune(), !c.qpv().isEmpty(), c.paqte(), networks(c.networks()),
                        "Entreprise fictive du jeu de démonstration."));
                generateContacts(c.key(), c.size(), domainOf(c.name()));
                progress.at(Part.ORGANISATIONS, organisations.size(), organisationTotal);
            }
            for (QpvRow q : DemoData.QPVS) {
                qpvs.put(q.key(), r.qpvs().save(new Qpv(RecordMeta.fresh(), q.code(), q.name(),
                        GeographyVersion.QPV_2024, DemoData.DEPARTMENT, DemoData.EPCI_SIREN,
                        List.of(DemoData.BESANCON))));
                referents.put(q.key(), q.referent());
                progress.at(Part.QPVS, qpvs.size(), DemoData.QPVS.size());
            }
            saveConventions();
            Catalogue catalogue = r.catalogue().load();
            saveEngagements(catalogue);
            // The year before last was asked for in a campaign; the years before it were reported
            // before the campaigns were kept here. Last year's campaign is left to the user.
            int campaignYear = today.getYear() - 2;
            Map<UUID, ReportPlan> campaign = planCampaign(campaignYear);
            saveResults(catalogue, campaignYear, campaign);
            progress.at(Part.RESULTS, savedEngagements.size(), savedEngagements.size());
            saveCampaign(campaignYear, campaign);
            return new DemoSummary(organisations.size(), contactCount, qpvs.size(), conventions.size(),
                    engagementCount, counterpartCount, resultCount, reportCount);
        }

        private void insert(String key, Organisation o) {
            var issues = OrganisationRules.check(o);
            if (OrganisationRules.hasErrors(issues)) {
                throw new IllegalStateException("Invalid demo organisation " + o.legalName() + ": " + issues);
            }
            organisations.put(key, r.organisations().save(o));
        }

        private String postcodeOf(String communeCode) {
            Commune commune = r.territories().commune(communeCode).orElseThrow(() ->
                    new IllegalStateException("Commune " + communeCode + " missing from the reference data"));
            if (!commune.epciSiren().equals(DemoData.EPCI_SIREN)) {
                throw new IllegalStateException("Commune " + communeCode + " is not in the demo EPCI");
            }
            return commune.postcodes().split(",")[0];
        }

        /** A valid SIRET (Luhn on the SIREN and on the 14 digits), never seen before in this load. */
        private String nextSiret() {
            while (true) {
                String siren = withCheckDigit((3 + random.nextInt(6)) + digits(7), Siret::isValidSiren);
                String siret = withCheckDigit(siren + "000" + (1 + random.nextInt(9)), Siret::isValidSiret);
                // checkSiret is empty only without warnings either (La Poste, placeholder-like runs).
                if (Siret.checkSiret(siret).isEmpty() && usedSirets.add(siret)) {
                    return siret;
                }
            }
        }

        /** Appends the one digit that makes the number pass {@code valid} (the Luhn key). */
        private static String withCheckDigit(String prefix, Predicate<String> valid) {
            for (int d = 0; d <= 9; d++) {
                if (valid.test(prefix + d)) {
                    return prefix + d;
                }
            }
            throw new IllegalStateException("No check digit for " + prefix);
        }

        private String digits(int count) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < count; i++) {
                s.append(random.nextInt(10));
            }
            return s.toString();
        }

        private void generateContacts(String key, SizeBand size, String domain) {
            int count = 1 + random.nextInt(3);
            Set<String> surnames = new HashSet<>();
            for (int i = 0; i < count; i++) {
                boolean woman = random.nextBoolean();
                String first;
                String last;
                do {
                    first = pick(woman ? DemoData.WOMEN : DemoData.MEN);
                    last = pick(DemoData.SURNAMES);
                } while (surnames.contains(last) || !usedNames.add(first + " " + last));
                surnames.add(last);
                String title = i == 0 ? DemoData.headTitle(size) : DemoData.OTHER_TITLES.get(i - 1);
                String[] forms = title.split("\\|");
                addContact(key, first, last, woman ? forms[forms.length - 1] : forms[0], domain, i == 0);
            }
        }

        private String pick(List<String> values) {
            return values.get(random.nextInt(values.size()));
        }

        private void addContact(String key, String first, String last, String title, String domain,
                                boolean maySign) {
            String email = mailPart(first) + "." + mailPart(last) + "@" + domain + "." + DemoData.MAIL_DOMAIN;
            String phone = String.format(Locale.ROOT, "03 81 %02d %02d %02d",
                    random.nextInt(100), random.nextInt(100), random.nextInt(100));
            Contact saved = r.contacts().save(new Contact(RecordMeta.fresh(), organisations.get(key).id(),
                    DemoData.civilityOf(first), first, last, title, email, phone, maySign));
            contacts.computeIfAbsent(key, k -> new ArrayList<>()).add(saved);
            contactCount++;
        }

        private static String mailPart(String name) {
            return Text.searchKey(name).replace(' ', '-');
        }

        /** "Horlogerie Vauban SAS" gives "horlogerie-vauban": the first three significant words. */
        private static String domainOf(String companyName) {
            String plain = Normalizer.normalize(companyName, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                    .toLowerCase(Locale.ROOT);
            return Arrays.stream(plain.split("[^a-z0-9-]+"))
                    .filter(w -> !w.isEmpty() && !NOT_IN_DOMAIN.contains(w)).limit(3).collect(Collectors.joining("-"));
        }

        private static Set<String> networks(String joined) {
            return joined.isEmpty() ? Set.of() : new LinkedHashSet<>(List.of(joined.split(";")));
        }

        private void saveConventions() {
            List<Convention> drafts = new ArrayList<>();
            Map<UUID, ConventionRow> rowOf = new HashMap<>();
            for (ConventionRow row : DemoData.CONVENTIONS) {
                Convention draft = draft(row);
                drafts.add(draft);
                rowOf.put(draft.id(), row);
                if (conventionRows.put(row.key(), row) != null) {
                    throw new IllegalStateException("Two demo conventions " + row.key());
                }
            }
            // References follow the signatures in time, as the prefecture's register would.
            Comparator<Convention> chronological = Comparator.comparing(this::referenceYear)
                    .thenComparing(Convention::signatureDate, Comparator.nullsLast(Comparator.naturalOrder()));
            List<Convention> numbered = new ArrayList<>();
            for (Convention c : drafts.stream().sorted(chronological).toList()) {
                numbered.add(c.withMeta(c.meta(), r.conventions().nextReference(DemoData.DEPARTMENT, referenceYear(c))));
            }
            Map<UUID, String> successors = new HashMap<>();
            for (Convention c : numbered) {
                if (c.framework() != Framework.CHARTE_ENTREPRISES_QUARTIERS) {
                    successors.putIfAbsent(c.companyId(), c.reference());
                }
            }
            for (Convention c : numbered) {
                if (c.status() == ConventionStatus.RENEWED) {
                    c = withNotes(c, c.notes() + " Renouvelée par la convention " + successors.get(c.companyId()) + ".");
                }
                var issues = ConventionRules.check(c);
                if (!issues.isEmpty()) {
                    throw new IllegalStateException("Invalid demo convention " + c.title() + ": " + issues);
                }
                conventions.put(rowOf.get(c.id()).key(), r.conventions().save(c));
                progress.at(Part.CONVENTIONS, conventions.size(), numbered.size());
            }
        }

        private int referenceYear(Convention c) {
            return c.signatureDate() != null ? c.signatureDate().getYear() : today.getYear();
        }

        private Convention draft(ConventionRow row) {
            Organisation company = organisations.get(row.company());
            LocalDate signature = null;
            LocalDate start = null;
            LocalDate end = null;
            if (row.wave2017()) {
                signature = CEREMONY_2017;
                start = CEREMONY_2017;
                end = CEREMONY_2017.plusYears(DURATION_YEARS).minusDays(1);
            } else if (row.status().isSignedOrLater()) {
                end = today.plusDays(row.endInDays());
                start = end.minusYears(DURATION_YEARS).plusDays(1);
                // Signed two weeks before it starts, but never in the future.
                signature = start.minusDays(14).isAfter(today) ? today.minusDays(3) : start.minusDays(14);
            } else if (row.status() == ConventionStatus.READY_TO_SIGN) {
                // negotiated for the three coming years, as its targets (the convention to sign needs them)
                start = LocalDate.of(today.getYear() + (today.getMonthValue() >= 9 ? 1 : 0), 1, 1);
                end = start.plusYears(DURATION_YEARS).minusDays(1);
            }
            List<String> qpvKeys = qpvKeys(row);
            Set<UUID> qpvIds = qpvKeys.stream().map(k -> qpvs.get(k).id()).collect(Collectors.toSet());
            String referent = referents.get(qpvKeys.isEmpty() ? DemoData.QPVS.getFirst().key() : qpvKeys.getFirst());
            String title = switch (row.framework()) {
                case CHARTE_ENTREPRISES_QUARTIERS -> "Convention entreprises et quartiers – ";
                case PAQTE -> "PaQte – ";
                case LOCAL_CONVENTION -> "Convention locale entreprises et quartiers – ";
            } + company.legalName();
            return new Convention(RecordMeta.fresh(), "", title, company.id(), row.framework(), DemoData.DEPARTMENT,
                    DemoData.EPCI_SIREN, referent, row.status(), signature, start, end, qpvIds, signatories(row),
                    notes(row));
        }

        /**
         * Prefect, company head, sometimes the EPCI president, then a partner: the signing order. The
         * company head has no title on the conventions of {@link DemoData#COMPANY_SIGNATORY_UNTITLED}.
         */
        private List<Signatory> signatories(ConventionRow row) {
            List<Signatory> list = new ArrayList<>();
            list.add(signatory(SignatoryRole.PREFECT, row.wave2017() ? DemoData.PREFECT_2017 : DemoData.PREFECT_NOW,
                    DemoData.PREFECT_TITLE, "PREF", null));
            Signatory company = signatory(SignatoryRole.COMPANY, row.company());
            list.add(DemoData.COMPANY_SIGNATORY_UNTITLED.contains(row.key())
                    ? signatory(SignatoryRole.COMPANY, company.fullName(), "", row.company(), company.contactId())
                    : company);
            if (row.epci() && row.wave2017()) {
                list.add(signatory(SignatoryRole.EPCI, DemoData.EPCI_PRESIDENT_2017,
                        DemoData.EPCI_PRESIDENT_2017_TITLE, "GBM", null));
            } else if (row.epci()) {
                list.add(signatory(SignatoryRole.EPCI, "GBM"));
            }
            if (!row.partner().isEmpty()) {
                list.add(signatory(SignatoryRole.PARTNER, row.partner()));
            }
            return list;
        }

        /** The first contact of the organisation allowed to sign. */
        private Signatory signatory(SignatoryRole role, String key) {
            Contact signer = contacts.get(key).stream().filter(Contact::maySign).findFirst().orElseThrow();
            return signatory(role, signer.fullName(), signer.jobTitle(), key, signer.id());
        }

        private Signatory signatory(SignatoryRole role, String name, String title, String key, UUID contactId) {
            return new Signatory(RecordMeta.fresh(), 0, role, name, title, organisations.get(key).id(), contactId);
        }

        private static String notes(ConventionRow row) {
            if (row.wave2017()) {
                return "Signée lors de la cérémonie du 17 mars 2017 à la préfecture du Doubs.";
            }
            return switch (row.status()) {
                case TERMINATED -> "Résiliée à la demande de l'entreprise (cession du fonds de commerce).";
                case EXPIRED -> "Échue ; renouvellement à l'étude avec l'entreprise.";
                case READY_TO_SIGN -> "Signature prévue lors de la prochaine cérémonie à la préfecture.";
                default -> "";
            };
        }

        // --- Engagements and counterparts ------------------------------------------------------

        private void saveEngagements(Catalogue catalogue) {
            int done = 0;
            for (Plan plan : DemoData.PLANS) {
                Convention convention = conventions.get(plan.convention());
                ConventionRow conventionRow = conventionRows.get(plan.convention());
                if (convention == null) {
                    throw new IllegalStateException("No demo convention " + plan.convention());
                }
                Map<String, Engagement> byType = new HashMap<>();
                for (EngagementRow row : plan.engagements()) {
                    Engagement e = engagement(row, convention, conventionRow, catalogue);
                    var issues = EngagementRules.check(e, convention, catalogue, null);
                    if (!issues.isEmpty()) {
                        throw new IllegalStateException("Invalid demo engagement " + e.description() + ": " + issues);
                    }
                    Engagement saved = r.engagements().save(e);
                    byType.putIfAbsent(row.type(), saved);
                    savedEngagements.add(new SavedEngagement(plan.convention(), row.type(), saved));
                    engagementCount++;
                }
                for (CounterpartRow row : plan.counterparts()) {
                    saveCounterpart(row, convention, conventionRow, byType);
                }
                progress.at(Part.ENGAGEMENTS, ++done, DemoData.PLANS.size());
            }
        }

        private Engagement engagement(EngagementRow row, Convention convention, ConventionRow conventionRow,
                                      Catalogue catalogue) {
            ActionType type = catalogue.actionTypes().stream().filter(t -> row.type().equals(t.code())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Action type " + row.type() + " missing from the catalogue"));
            int[] span = years(convention);
            int first = span[0] + row.skipYears();
            int last = row.years() == 0 ? span[1] : first + row.years() - 1;
            if (last > span[1]) {
                throw new IllegalStateException("Demo engagement " + row.type() + " of " + conventionRow.key()
                        + " goes past the convention");
            }
            BigDecimal value = new BigDecimal(row.value());
            List<Target> targets = new ArrayList<>();
            for (Indicator indicator : catalogue.formIndicators(type)) {
                for (int year = first; year <= last; year++) {
                    BigDecimal target = targetValue(type.code(), indicator.code(), value, year, year - first);
                    targets.add(new Target(indicator.id(), year,
                            indicator.unit() == IndicatorUnit.EUROS ? target.setScale(2, RoundingMode.HALF_UP) : target));
                }
            }
            List<String> qpvKeys = row.qpvs() == null ? qpvKeys(conventionRow) : keys(row.qpvs());
            String description = row.description().replace("{n}", value.stripTrailingZeros().toPlainString());
            return new Engagement(RecordMeta.fresh(), convention.id(), type.id(), quartier(description, qpvKeys),
                    qpvKeys.stream().map(k -> qpvs.get(k).id()).collect(Collectors.toSet()),
                    row.partner().isEmpty() ? null : organisations.get(row.partner()).id(), first, last,
                    status(row, convention.status(), first, last), targets);
        }

        /**
         * The three calendar years of a three-year convention's targets: from its start year, or the
         * next one when it starts in the second half of the year (2017-03-17 gives 2017–2019); the
         * three coming years when it is not signed yet.
         */
        private int[] years(Convention c) {
            if (c.startDate() == null || c.endDate() == null) {
                int first = today.getYear() + (today.getMonthValue() >= 9 ? 1 : 0);
                return new int[] {first, first + 2};
            }
            int first = c.startDate().getYear() + (c.startDate().getMonthValue() >= 7 ? 1 : 0);
            return new int[] {first, Math.min(first + DURATION_YEARS - 1, c.endDate().getYear())};
        }

        /**
         * The yearly target of an indicator of the form, from the row's value (the target of the
         * form's first indicator): a class of 25 per talk, half a class per visit, a third of the
         * hires in emplois francs (from 2020, when they reached every QPV), a job for two
         * entrepreneurs, purchases growing by 5 % a year, a label held every year.
         */
        private static BigDecimal targetValue(String type, String indicator, BigDecimal value, int year, int index) {
            return switch (indicator) {
                case "PUPILS_REACHED" -> switch (type) {
                    case "CLASS_TALKS" -> value.multiply(BigDecimal.valueOf(25));
                    case "COMPANY_VISITS" -> value.multiply(BigDecimal.valueOf(15));
                    default -> value;
                };
                case "EMPLOIS_FRANCS" -> !"HIRING".equals(type) ? value
                        : year < 2020 ? BigDecimal.ZERO : BigDecimal.valueOf((value.intValueExact() + 1) / 3);
                case "JOBS_CREATED" -> "ENTREPRENEUR_SUPPORT".equals(type)
                        ? BigDecimal.valueOf((value.intValueExact() + 1) / 2) : value;
                case "LABEL" -> BigDecimal.ONE;
                case "PURCHASES" -> value.multiply(new BigDecimal("1.05").pow(index));
                default -> value;
            };
        }

        /**
         * Expired or renewed conventions: done; terminated: done for the past years, abandoned for the
         * rest; active: by the years against today; signed or not yet: planned.
         */
        private EngagementStatus status(EngagementRow row, ConventionStatus convention, int first, int last) {
            if (row.abandoned()) {
                return EngagementStatus.ABANDONED;
            }
            int year = today.getYear();
            return switch (convention) {
                case EXPIRED, RENEWED -> EngagementStatus.DONE;
                case TERMINATED -> last < year ? EngagementStatus.DONE : EngagementStatus.ABANDONED;
                case ACTIVE -> last < year ? EngagementStatus.DONE
                        : first > year ? EngagementStatus.PLANNED : EngagementStatus.IN_PROGRESS;
                default -> EngagementStatus.PLANNED;
            };
        }

        private void saveCounterpart(CounterpartRow row, Convention convention, ConventionRow conventionRow,
                                     Map<String, Engagement> byType) {
            Organisation partner = organisations.get(row.partner());
            if (partner == null || partner.kind().isCompany()) {
                throw new IllegalStateException("Demo counterpart partner " + row.partner() + " is not a partner");
            }
            Engagement engagement = null;
            List<String> qpvKeys = qpvKeys(conventionRow);
            if (!row.engagementType().isEmpty()) {
                engagement = byType.get(row.engagementType());
                if (engagement == null) {
                    throw new IllegalStateException("No " + row.engagementType() + " engagement in " + conventionRow.key());
                }
                Set<UUID> targeted = engagement.qpvIds();
                qpvKeys = qpvKeys.stream().filter(k -> targeted.contains(qpvs.get(k).id())).toList();
            }
            Counterpart c = new Counterpart(RecordMeta.fresh(), convention.id(), partner.id(),
                    engagement == null ? null : engagement.id(), quartier(row.description(), qpvKeys));
            var issues = EngagementRules.checkCounterpart(c);
            if (!issues.isEmpty()) {
                throw new IllegalStateException("Invalid demo counterpart " + c.description() + ": " + issues);
            }
            r.engagements().save(c);
            counterpartCount++;
        }

        private static List<String> qpvKeys(ConventionRow row) {
            return keys(row.qpvs());
        }

        private static List<String> keys(String spaced) {
            return spaced.isBlank() ? List.of() : List.of(spaced.trim().split("\\s+"));
        }

        /** Replaces {quartier} by "du quartier Planoise" or "des quartiers Planoise et Battant". */
        private static String quartier(String text, List<String> qpvKeys) {
            if (!text.contains("{quartier}")) {
                return text;
            }
            if (qpvKeys.isEmpty()) {
                throw new IllegalStateException("No QPV to name in: " + text);
            }
            List<String> names = qpvKeys.stream().map(k -> DemoData.QPVS.stream().filter(q -> q.key().equals(k))
                    .findFirst().orElseThrow().name()).toList();
            String words = names.size() == 1 ? "du quartier " + names.getFirst()
                    : "des quartiers " + String.join(", ", names.subList(0, names.size() - 1)) + " et " + names.getLast();
            return text.replace("{quartier}", words);
        }

        // --- Realised values and the campaign of the year before last --------------------------

        /** An engagement as saved, with the keys of its convention and action type. */
        private record SavedEngagement(String convention, String type, Engagement engagement) {

            /** Stable from one load to the next (a convention has one engagement of a type): seeds its figures. */
            String key() {
                return convention + "/" + type;
            }
        }

        /** Where a convention's report stands in the campaign, with the date of each step. */
        private record ReportPlan(ReportState state, LocalDate requestedOn, List<LocalDate> reminders,
                                  LocalDate receivedOn, LocalDate validatedOn) {
        }

        private static LocalDate dueDate(int year) {
            return LocalDate.of(year + 1, 3, 31);
        }

        /**
         * The reports of the campaign of {@code year}, for the conventions that owe one (as the
         * campaign's opening lists them): all asked in mid-January, two still awaited after two
         * reminders ({@link DemoData#REPORTS_OVERDUE}), the others received in the first quarter;
         * the last one or two (by reference) received but not yet validated.
         */
        private Map<UUID, ReportPlan> planCampaign(int year) {
            Map<UUID, String> keys = new HashMap<>();
            conventions.forEach((key, c) -> keys.put(c.id(), key));
            List<UUID> owing = r.campaigns().conventionsOwing(year);
            List<UUID> answered = owing.stream().filter(id -> !DemoData.REPORTS_OVERDUE.contains(keys.get(id))).toList();
            int notValidated = answered.size() < 2 ? 0 : Math.min(2, Math.max(1, answered.size() / 3));
            LocalDate requestedOn = workingDay(LocalDate.of(year + 1, 1, 15));
            Map<UUID, ReportPlan> plans = new LinkedHashMap<>();
            for (UUID id : owing) {
                Random random = seeded("report/" + keys.get(id));
                int position = answered.indexOf(id);
                if (position < 0) {
                    plans.put(id, new ReportPlan(ReportState.REQUESTED, requestedOn,
                            List.of(workingDay(dueDate(year).plusDays(14 + random.nextInt(7))),
                                    workingDay(dueDate(year).plusDays(75 + random.nextInt(20)))), null, null));
                    continue;
                }
                LocalDate receivedOn = workingDay(LocalDate.of(year + 1, 1, 29).plusDays(random.nextInt(56)));
                boolean validated = position < answered.size() - notValidated;
                plans.put(id, new ReportPlan(validated ? ReportState.VALIDATED : ReportState.RECEIVED, requestedOn,
                        List.of(), receivedOn, validated ? workingDay(receivedOn.plusDays(10 + random.nextInt(35))) : null));
            }
            return plans;
        }

        /**
         * Opens the campaign as {@link CampaignService#open} does, then takes each report through the
         * team's steps ({@link CampaignReport#moveTo}, {@link CampaignReport#remindedOn}) on their dates.
         */
        private void saveCampaign(int year, Map<UUID, ReportPlan> plans) {
            if (r.campaigns().findByYear(year).isPresent()) {
                throw new IllegalStateException("A reporting campaign " + year + " exists already");
            }
            ReportingCampaign campaign = r.campaigns().save(new ReportingCampaign(RecordMeta.fresh(), year,
                    dueDate(year)));
            int done = 0;
            for (Map.Entry<UUID, ReportPlan> entry : plans.entrySet()) {
                progress.at(Part.CAMPAIGN, done++, plans.size());
                ReportPlan plan = entry.getValue();
                CampaignReport report = r.campaigns().save(new CampaignReport(RecordMeta.fresh(), campaign.id(),
                        entry.getKey(), ReportState.TO_REQUEST, null, null, null, null));
                report = r.campaigns().save(report.moveTo(ReportState.REQUESTED, plan.requestedOn()));
                for (LocalDate day : plan.reminders()) {
                    report = r.campaigns().save(report.remindedOn(day));
                }
                if (plan.receivedOn() != null) {
                    report = r.campaigns().save(report.moveTo(ReportState.RECEIVED, plan.receivedOn()));
                }
                if (plan.validatedOn() != null) {
                    report = r.campaigns().save(report.moveTo(ReportState.VALIDATED, plan.validatedOn()));
                }
                if (report.state() != plan.state()) {
                    throw new IllegalStateException("Demo report ended " + report.state() + ", not " + plan.state());
                }
                reportCount++;
            }
            progress.at(Part.CAMPAIGN, plans.size(), plans.size());
        }

        /**
         * A realised value for each target of the years up to {@code campaignYear}, for the engagements
         * not abandoned of the signed conventions; none for that year when the convention's report is
         * still awaited in the campaign. Each value passes the rules of the entry form.
         */
        private void saveResults(Catalogue catalogue, int campaignYear, Map<UUID, ReportPlan> campaign) {
            Map<String, List<ResultNote>> notes = notesByEngagement(catalogue);
            int done = 0;
            for (SavedEngagement saved : savedEngagements) {
                progress.at(Part.RESULTS, done++, savedEngagements.size());
                Engagement e = saved.engagement();
                Convention convention = conventions.get(saved.convention());
                if (!convention.status().isSignedOrLater() || e.status() == EngagementStatus.ABANDONED) {
                    continue;
                }
                ActionType type = catalogue.actionType(e.actionTypeId()).orElseThrow();
                for (int year = e.firstYear(); year <= Math.min(e.lastYear(), campaignYear); year++) {
                    ReportPlan report = null;
                    if (year == campaignYear) {
                        report = campaign.get(convention.id());
                        if (report == null) {
                            throw new IllegalStateException(convention.title() + " owes no report for " + year);
                        }
                        if (report.receivedOn() == null) {
                            continue; // still awaited: the report never came
                        }
                    }
                    saveYear(saved, convention, type, year, report, notes.getOrDefault(saved.key(), List.of()),
                            catalogue);
                }
            }
        }

        /** The notes by engagement key; a note naming no engagement or indicator of the form is a mistake. */
        private Map<String, List<ResultNote>> notesByEngagement(Catalogue catalogue) {
            Map<String, SavedEngagement> byKey = savedEngagements.stream()
                    .collect(Collectors.toMap(SavedEngagement::key, Function.identity()));
            Map<String, List<ResultNote>> notes = new HashMap<>();
            for (ResultNote note : DemoData.RESULT_NOTES) {
                SavedEngagement saved = byKey.get(note.convention() + "/" + note.type());
                if (saved == null) {
                    throw new IllegalStateException("No demo engagement " + note.type() + " in " + note.convention());
                }
                ActionType type = catalogue.actionType(saved.engagement().actionTypeId()).orElseThrow();
                if (catalogue.formIndicators(type).stream().noneMatch(i -> i.code().equals(note.indicator()))) {
                    throw new IllegalStateException("No indicator " + note.indicator() + " in the form of " + note.type());
                }
                if (note.source() == ResultSource.PARTNER && saved.engagement().partnerId() == null) {
                    throw new IllegalStateException("No partner to report for " + note.type() + " in " + note.convention());
                }
                notes.computeIfAbsent(saved.key(), k -> new ArrayList<>()).add(note);
            }
            return notes;
        }

        /**
         * The year's figures of one engagement: the form's first indicator at a ratio of its target
         * drawn for the engagement and year, the others following from it (stages filled out of
         * those offered, pupils per talk, emplois francs among the hires…).
         */
        private void saveYear(SavedEngagement saved, Convention convention, ActionType type, int year, ReportPlan report,
                              List<ResultNote> notes, Catalogue catalogue) {
            Engagement e = saved.engagement();
            int index = year - e.firstYear();
            Random random = seeded("result/" + saved.key() + "/" + index);
            Draw draw = draw(random, DemoData.STRUGGLING.contains(saved.convention()));
            List<ResultNote> ofYear = notes.stream().filter(n -> n.yearIndex() == index).toList();
            ResultSource source = ofYear.stream().map(ResultNote::source).filter(Objects::nonNull).findFirst()
                    .orElseGet(() -> source(random, e));
            LocalDate receivedOn = source != ResultSource.COMPANY_REPORT ? firstQuarter(random, year)
                    : report != null ? report.receivedOn()
                    : workingDay(LocalDate.of(year + 1, 1, 20).plusDays(
                            seeded("report/" + saved.convention() + "/" + year).nextInt(65)));
            BigDecimal lead = null;
            BigDecimal leadTarget = null;
            for (Indicator indicator : catalogue.formIndicators(type)) {
                Optional<Target> target = e.target(indicator.id(), year);
                if (target.isEmpty()) {
                    continue;
                }
                BigDecimal t = target.get().value();
                ResultNote note = ofYear.stream().filter(n -> n.indicator().equals(indicator.code())).findFirst()
                        .orElse(null);
                BigDecimal value;
                if (note != null && note.value() != null) {
                    value = inUnit(new BigDecimal(note.value()), indicator);
                } else if (lead == null) {
                    value = draw.of(t, indicator);
                } else {
                    value = following(indicator, t, lead, leadTarget, draw, random);
                }
                if (lead == null) {
                    lead = value;
                    leadTarget = t;
                }
                RealisedValue v = new RealisedValue(RecordMeta.fresh(), e.id(), indicator.id(), year, value, source,
                        receivedOn, note == null ? "" : note.comment());
                var issues = EngagementRules.checkResult(v, e, convention, catalogue);
                if (!issues.isEmpty()) {
                    throw new IllegalStateException("Invalid demo realised value " + value + " for " + year + " of "
                            + e.description() + ": " + issues);
                }
                r.engagements().save(v);
                resultCount++;
            }
        }

        /** How an engagement did in a year against its targets. */
        private enum Band {
            BELOW, USUAL, ABOVE
        }

        private static final BigDecimal USUAL_LOW = new BigDecimal("0.70");
        private static final BigDecimal USUAL_HIGH = new BigDecimal("1.15");

        /** The band and the ratio of realised over target drawn for an engagement and a year. */
        private record Draw(Band band, BigDecimal ratio) {

            /**
             * The target at this ratio, in the indicator's unit. Whole numbers stay in their band:
             * 2 at 72 % makes 2 (not 1, 50 %), 1 well below makes 0, 2 above makes 3.
             */
            BigDecimal of(BigDecimal target, Indicator indicator) {
                BigDecimal value = inUnit(target.multiply(ratio), indicator);
                if (target.signum() == 0 || !indicator.unit().wholeNumbers() || indicator.unit() == IndicatorUnit.YES_NO) {
                    return value;
                }
                BigDecimal low = target.multiply(USUAL_LOW).setScale(0, RoundingMode.CEILING);
                BigDecimal high = target.multiply(USUAL_HIGH).setScale(0, RoundingMode.FLOOR);
                return switch (band) {
                    case USUAL -> low.compareTo(high) <= 0 ? value.max(low).min(high) : value;
                    case BELOW -> value.min(low.subtract(BigDecimal.ONE)).max(BigDecimal.ZERO);
                    case ABOVE -> value.max(high.add(BigDecimal.ONE));
                };
            }
        }

        /** Mostly 70 % to 115 % of the targets, now and then well below or above; low for a struggler. */
        private static Draw draw(Random random, boolean struggling) {
            double draw = random.nextDouble();
            double spread = random.nextDouble();
            Band band = struggling || draw < 0.08 ? Band.BELOW : draw < 0.18 ? Band.ABOVE : Band.USUAL;
            double ratio = switch (band) {
                case BELOW -> 0.35 + 0.30 * spread;
                case ABOVE -> 1.16 + 0.24 * spread;
                case USUAL -> 0.70 + 0.45 * spread;
            };
            return new Draw(band, BigDecimal.valueOf(ratio).setScale(3, RoundingMode.HALF_UP));
        }

        /** An indicator of the form after the first one ({@code lead}, realised, for {@code leadTarget}). */
        private static BigDecimal following(Indicator indicator, BigDecimal target, BigDecimal lead,
                                            BigDecimal leadTarget, Draw draw, Random random) {
            double spread = random.nextDouble();
            BigDecimal value = switch (indicator.code()) {
                // Now and then a pupil gives up one of the stages offered.
                case "STAGES_FILLED" -> lead.compareTo(BigDecimal.valueOf(4)) >= 0 && spread < 0.3
                        ? lead.subtract(BigDecimal.ONE) : lead;
                // Classes of about the planned size; about a job for two entrepreneurs.
                case "PUPILS_REACHED", "JOBS_CREATED" -> leadTarget.signum() == 0 ? draw.of(target, indicator)
                        : lead.multiply(target).divide(leadTarget, 3, RoundingMode.HALF_UP)
                        .multiply(BigDecimal.valueOf(0.9 + 0.15 * spread));
                // Among the hires; none when none were planned (before 2020).
                case "EMPLOIS_FRANCS" -> draw.of(target, indicator).min(lead);
                case "LABEL" -> target;
                default -> draw.of(target, indicator);
            };
            return inUnit(value, indicator);
        }

        /** Whole numbers but for euros; cents for purchases and gifts in kind, round sums for donations. */
        private static BigDecimal inUnit(BigDecimal value, Indicator indicator) {
            return switch (indicator.unit()) {
                case EUROS -> "DONATIONS".equals(indicator.code())
                        ? value.divide(BigDecimal.valueOf(50), 0, RoundingMode.HALF_UP).multiply(BigDecimal.valueOf(50))
                        .setScale(2, RoundingMode.UNNECESSARY)
                        : value.setScale(2, RoundingMode.HALF_UP);
                case YES_NO -> value.signum() > 0 ? BigDecimal.ONE : BigDecimal.ZERO;
                default -> value.setScale(0, RoundingMode.HALF_UP);
            };
        }

        /** Mostly the company's own report; sometimes the partner's figures or the delegate's visit. */
        private static ResultSource source(Random random, Engagement e) {
            double draw = random.nextDouble();
            if (e.partnerId() != null && draw < 0.2) {
                return ResultSource.PARTNER;
            }
            return draw >= 0.96 ? ResultSource.DELEGATE_VISIT : ResultSource.COMPANY_REPORT;
        }

        /** A working day of the first quarter after {@code year}, when that year's figures come in. */
        private static LocalDate firstQuarter(Random random, int year) {
            return workingDay(LocalDate.of(year + 1, 1, 10).plusDays(random.nextInt(75)));
        }

        private static LocalDate workingDay(LocalDate day) {
            return switch (day.getDayOfWeek()) {
                case SATURDAY -> day.plusDays(2);
                case SUNDAY -> day.plusDays(1);
                default -> day;
            };
        }

        /** A generator seeded by a stable key (well spread, unlike close hash codes): the same figures at every load. */
        private static Random seeded(String key) {
            return new Random(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits());
        }

        private static Convention withNotes(Convention c, String notes) {
            return new Convention(c.meta(), c.reference(), c.title(), c.companyId(), c.framework(),
                    c.departmentCode(), c.epciSiren(), c.stateReferent(), c.status(), c.signatureDate(),
                    c.startDate(), c.endDate(), c.qpvIds(), c.signatories(), notes);
        }
    }
}
