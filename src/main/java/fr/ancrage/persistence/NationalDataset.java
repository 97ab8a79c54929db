package fr.ancrage.persistence;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static fr.ancrage.persistence.jooq.Tables.ACTION_TYPE;
import static fr.ancrage.persistence.jooq.Tables.ACTION_TYPE_INDICATOR;
import static fr.ancrage.persistence.jooq.Tables.CAMPAIGN_REPORT;
import static fr.ancrage.persistence.jooq.Tables.COMMUNE;
import static fr.ancrage.persistence.jooq.Tables.CONVENTION;
import static fr.ancrage.persistence.jooq.Tables.CONVENTION_QPV;
import static fr.ancrage.persistence.jooq.Tables.CONVENTION_SEQUENCE;
import static fr.ancrage.persistence.jooq.Tables.DASHBOARD_FIGURE;
import static fr.ancrage.persistence.jooq.Tables.DASHBOARD_GAP;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_RESULT;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_TARGET;
import static fr.ancrage.persistence.jooq.Tables.EPCI;
import static fr.ancrage.persistence.jooq.Tables.INDICATOR;
import static fr.ancrage.persistence.jooq.Tables.ORGANISATION;
import static fr.ancrage.persistence.jooq.Tables.QPV;
import static fr.ancrage.persistence.jooq.Tables.REPORTING_CAMPAIGN;

/**
 * Generates a synthetic national-scale dataset for performance measurements: organisations spread
 * over the EPCI in proportion to their population, QPVs, conventions with their targeted QPVs,
 * engagements from the seeded catalogue, yearly targets and realised values. Deterministic for a
 * given seed, scale and {@code today}. Needs a migrated database holding the reference data and no
 * conventions yet. Rows are written by JDBC batches through jOOQ, committed chunk by chunk, on one
 * connection; nothing else should write meanwhile. Not used by the application itself.
 */
public final class NationalDataset {

    /** Full scale: the sizes of issue 4. */
    public static final int ORGANISATIONS = 20_000;
    public static final int QPVS = 2_000;
    public static final int CONVENTIONS = 25_000;
    /** Engagements per convention on average (250,000 at full scale). */
    public static final int ENGAGEMENTS_PER_CONVENTION = 10;

    /** What was inserted, and how long it took. */
    public record Summary(int organisations, int qpvs, int conventions, int conventionQpvs, int engagements,
                          int targets, int results, int campaignReports, long millis) {
        public int indicatorValues() {
            return targets + results;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(NationalDataset.class);
    private static final int CHUNK = 20_000;
    /** The first year of conventions (the first local declensions of the charter). */
    private static final int FIRST_YEAR = 2017;
    private static final String[] PARTNER_KINDS = {"PUBLIC_EMPLOYMENT_SERVICE", "ASSOCIATION", "ASSOCIATION",
            "SCHOOL", "CHAMBER", "SUPPORT_BODY"};
    private static final String[] SIZE_BANDS = {"TPE", "TPE", "TPE", "TPE", "PME", "PME", "PME", "ETI", "ETI", "GE"};
    private static final String[] NAF = {"4711F", "6201Z", "4120A", "5610A", "8121Z", "4941A", "7022Z", "2511Z",
            "8810A", "6419Z", "4321A", "5229B"};
    private static final String[] WORDS = {"Alpha", "Boréal", "Cèdre", "Delta", "Étoile", "Faubourg", "Granit",
            "Horizon", "Iris", "Jura", "Kairos", "Lumière", "Mistral", "Nova", "Orme", "Phare", "Quartz", "Rive",
            "Saule", "Tilleul", "Union", "Val", "Wagram", "Zénith"};
    private static final String[] TRADES = {"Services", "Bâtiment", "Logistique", "Conseil", "Industrie",
            "Distribution", "Numérique", "Propreté", "Transports", "Restauration"};
    private static final String[] SOURCES = {"COMPANY_REPORT", "COMPANY_REPORT", "COMPANY_REPORT",
            "COMPANY_REPORT", "COMPANY_REPORT", "PARTNER", "DELEGATE_VISIT"};

    private final DSLContext dsl;

    public NationalDataset(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Adds the dashboard's figures up again from the records, as after an upgrade that changes their
     * definition; returns how long it took, in milliseconds.
     */
    public long rebuildFigures() {
        long start = System.nanoTime();
        new DashboardFigures(dsl).rebuild();
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** True when the database already holds conventions (a dataset, or real data: never generate then). */
    public boolean hasConventions() {
        return dsl.fetchExists(CONVENTION);
    }

    /**
     * Generates the dataset at the given scale (1.0 = the sizes of issue 4) with the given seed;
     * conventions ending soon and alerts are placed relative to {@code today}.
     */
    public Summary generate(double scale, long seed, LocalDate today) {
        if (hasConventions()) {
            throw new IllegalStateException("The database already holds conventions");
        }
        long start = System.nanoTime();
        Generation[] done = new Generation[1];
        dsl.connection(connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Generation g = new Generation(connection, new Random(seed), scale, today);
                g.run();
                done[0] = g;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        });
        // the rows went in by batches, around the repositories: add the dashboard's figures up once
        rebuildFigures();
        Generation g = done[0];
        Summary summary = new Summary(g.organisations, g.qpvCount, g.conventions, g.conventionQpvs, g.engagements,
                g.targets, g.results, g.reports, (System.nanoTime() - start) / 1_000_000);
        LOG.info("National dataset generated: {}", summary);
        return summary;
    }

    /** Row counts of the tables the dataset fills, in insertion order. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (Table<?> table : List.of(ORGANISATION, QPV, CONVENTION, CONVENTION_QPV, ENGAGEMENT, ENGAGEMENT_TARGET,
                ENGAGEMENT_RESULT, REPORTING_CAMPAIGN, CAMPAIGN_REPORT, DASHBOARD_FIGURE, DASHBOARD_GAP)) {
            counts.put(table.getName(), dsl.fetchCount(table));
        }
        return counts;
    }

    /** Typical scopes for measurements: the busiest convention, company, department, EPCI and QPV. */
    public record Sample(UUID conventionId, UUID companyId, String departmentCode, String epciSiren, UUID qpvId) {
    }

    public Sample sample() {
        var count = DSL.count();
        UUID convention = dsl.select(ENGAGEMENT.CONVENTION_ID).from(ENGAGEMENT).groupBy(ENGAGEMENT.CONVENTION_ID)
                .orderBy(count.desc(), ENGAGEMENT.CONVENTION_ID).limit(1).fetchOne(ENGAGEMENT.CONVENTION_ID);
        UUID company = dsl.select(CONVENTION.COMPANY_ID).from(CONVENTION).groupBy(CONVENTION.COMPANY_ID)
                .orderBy(count.desc(), CONVENTION.COMPANY_ID).limit(1).fetchOne(CONVENTION.COMPANY_ID);
        String department = dsl.select(CONVENTION.DEPARTMENT_CODE).from(CONVENTION)
                .groupBy(CONVENTION.DEPARTMENT_CODE).orderBy(count.desc(), CONVENTION.DEPARTMENT_CODE).limit(1)
                .fetchOne(CONVENTION.DEPARTMENT_CODE);
        String epci = dsl.select(CONVENTION.EPCI_SIREN).from(CONVENTION).groupBy(CONVENTION.EPCI_SIREN)
                .orderBy(count.desc(), CONVENTION.EPCI_SIREN).limit(1).fetchOne(CONVENTION.EPCI_SIREN);
        UUID qpv = dsl.select(CONVENTION_QPV.QPV_ID).from(CONVENTION_QPV).groupBy(CONVENTION_QPV.QPV_ID)
                .orderBy(count.desc(), CONVENTION_QPV.QPV_ID).limit(1).fetchOne(CONVENTION_QPV.QPV_ID);
        return new Sample(convention, company, department, epci, qpv);
    }

    private record EpciRow(String siren, String department, long population) {
    }

    private record CommuneRow(String code, String postcode) {
    }

    private record Org(UUID id, String epci, String department) {
    }

    private record Owing(UUID conventionId, int years) {
    }

    private record Indicator(UUID id, String unit) {
    }

    private record ActionType(UUID id, List<Indicator> indicators) {
    }

    /** One run: reference data in memory, buffers of rows per table, flushed in foreign-key order. */
    private static final class Generation {

        private final Connection connection;
        private final DSLContext local;
        private final Random random;
        private final double scale;
        private final LocalDate today;
        private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        private long idCounter;
        private final long idBase;

        private final List<EpciRow> epcis = new ArrayList<>();
        private long[] cumulativePopulation;
        private final Map<String, List<CommuneRow>> communesByEpci = new HashMap<>();
        private final Map<String, List<UUID>> qpvsByEpci = new HashMap<>();
        private final Map<String, List<UUID>> qpvsByDepartment = new HashMap<>();
        private final Map<String, List<UUID>> partnersByDepartment = new HashMap<>();
        private final List<Org> companies = new ArrayList<>();
        private final List<ActionType> actionTypes = new ArrayList<>();
        private final Map<String, Integer> sequences = new HashMap<>();

        private final List<Object[]> organisationRows = new ArrayList<>();
        private final List<Object[]> qpvRows = new ArrayList<>();
        private final List<Object[]> conventionRows = new ArrayList<>();
        private final List<Object[]> conventionQpvRows = new ArrayList<>();
        private final List<Object[]> engagementRows = new ArrayList<>();
        private final List<Object[]> targetRows = new ArrayList<>();
        private final List<Object[]> resultRows = new ArrayList<>();
        private final List<Object[]> campaignRows = new ArrayList<>();
        private final List<Object[]> reportRows = new ArrayList<>();
        /** Signed (or later) conventions and the years their live engagements cover, for the campaigns. */
        private final List<Owing> owing = new ArrayList<>();

        int organisations;
        int qpvCount;
        int conventions;
        int conventionQpvs;
        int engagements;
        int targets;
        int results;
        int reports;

        Generation(Connection connection, Random random, double scale, LocalDate today) {
            this.connection = connection;
            this.local = DSL.using(connection, SQLDialect.H2, Database.settings());
            this.random = random;
            this.scale = scale;
            this.today = today;
            this.idBase = now.toInstant().toEpochMilli();
        }

        void run() throws SQLException {
            loadReference();
            generateQpvs(Math.max(1, (int) Math.round(QPVS * scale)));
            generateOrganisations(Math.max(2, (int) Math.round(ORGANISATIONS * scale)));
            generateConventions(Math.max(1, (int) Math.round(CONVENTIONS * scale)));
            flush();
            generateCampaigns();
            flush();
            for (var e : sequences.entrySet()) {
                String[] key = e.getKey().split("/");
                local.insertInto(CONVENTION_SEQUENCE).set(CONVENTION_SEQUENCE.DEPARTMENT_CODE, key[0])
                        .set(CONVENTION_SEQUENCE.YEAR_NUMBER, Integer.parseInt(key[1]))
                        .set(CONVENTION_SEQUENCE.LAST_NUMBER, e.getValue()).execute();
            }
            connection.commit();
        }

        /** Time-ordered (version 7 layout) and deterministic: keeps the primary-key B-trees appending. */
        private UUID nextId() {
            long msb = ((idBase + idCounter++) & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (random.nextInt(0x1000));
            long lsb = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
            return new UUID(msb, lsb);
        }

        private void loadReference() {
            local.select(EPCI.SIREN, EPCI.DEPARTMENT_CODE, EPCI.POPULATION).from(EPCI).orderBy(EPCI.SIREN)
                    .forEach(r -> epcis.add(new EpciRow(r.value1(), r.value2(),
                            r.value3() == null ? 1 : Math.max(1, r.value3()))));
            if (epcis.isEmpty()) {
                throw new IllegalStateException("No EPCI: import the reference data first");
            }
            cumulativePopulation = new long[epcis.size()];
            long sum = 0;
            for (int i = 0; i < epcis.size(); i++) {
                sum += epcis.get(i).population();
                cumulativePopulation[i] = sum;
            }
            local.select(COMMUNE.EPCI_SIREN, COMMUNE.CODE, COMMUNE.POSTCODES).from(COMMUNE)
                    .where(COMMUNE.EPCI_SIREN.isNotNull()).orderBy(COMMUNE.CODE)
                    .forEach(r -> communesByEpci.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                            .add(new CommuneRow(r.value2(), firstPostcode(r.value3()))));
            Map<UUID, ActionType> types = new HashMap<>();
            List<UUID> order = new ArrayList<>();
            local.select(ACTION_TYPE.ID, INDICATOR.ID, INDICATOR.UNIT).from(ACTION_TYPE)
                    .join(ACTION_TYPE_INDICATOR).on(ACTION_TYPE_INDICATOR.ACTION_TYPE_ID.eq(ACTION_TYPE.ID))
                    .join(INDICATOR).on(INDICATOR.ID.eq(ACTION_TYPE_INDICATOR.INDICATOR_ID))
                    .where(ACTION_TYPE.ACTIVE.isTrue()).and(ACTION_TYPE.CODE.isNotNull())
                    .orderBy(ACTION_TYPE.ID, ACTION_TYPE_INDICATOR.POSITION)
                    .forEach(r -> types.computeIfAbsent(r.value1(), k -> {
                        order.add(k);
                        return new ActionType(k, new ArrayList<>());
                    }).indicators().add(new Indicator(r.value2(), r.value3())));
            order.forEach(id -> actionTypes.add(types.get(id)));
        }

        private static String firstPostcode(String postcodes) {
            if (postcodes == null || postcodes.isBlank()) {
                return null;
            }
            String first = postcodes.split("[ ,;|]")[0];
            return first.length() == 5 ? first : null;
        }

        /** An EPCI drawn in proportion to its population. */
        private EpciRow weightedEpci() {
            long pick = (long) (random.nextDouble() * cumulativePopulation[cumulativePopulation.length - 1]);
            int i = Arrays.binarySearch(cumulativePopulation, pick + 1);
            return epcis.get(i >= 0 ? i : -i - 1);
        }

        private void generateQpvs(int count) throws SQLException {
            Map<String, Integer> perDepartment = new HashMap<>();
            for (int i = 0; i < count; i++) {
                EpciRow epci = weightedEpci();
                int n = perDepartment.merge(epci.department(), 1, Integer::sum);
                String dept = epci.department().length() == 2 ? "0" + epci.department() : epci.department();
                String code = "QN" + dept + String.format("%3s", Integer.toString(n, 36)).replace(' ', '0')
                        .toUpperCase(java.util.Locale.ROOT);
                UUID id = nextId();
                List<CommuneRow> communes = communesByEpci.getOrDefault(epci.siren(), List.of());
                String commune = communes.isEmpty() ? null : communes.get(random.nextInt(communes.size())).code();
                qpvRows.add(new Object[]{id, 1, now, now, code, "Quartier " + WORDS[random.nextInt(WORDS.length)]
                        + " " + n, random.nextInt(4) == 0 ? "2015" : "2024", epci.department(), epci.siren(), commune});
                qpvsByEpci.computeIfAbsent(epci.siren(), k -> new ArrayList<>()).add(id);
                qpvsByDepartment.computeIfAbsent(epci.department(), k -> new ArrayList<>()).add(id);
                qpvCount++;
            }
            flush();
        }

        private void generateOrganisations(int count) throws SQLException {
            int partners = Math.max(1, count * 3 / 40);
            for (int i = 0; i < count; i++) {
                boolean company = i >= partners;
                EpciRow epci = weightedEpci();
                List<CommuneRow> communes = communesByEpci.getOrDefault(epci.siren(), List.of());
                CommuneRow commune = communes.isEmpty() ? null : communes.get(random.nextInt(communes.size()));
                UUID id = nextId();
                String siren = luhn(String.format("%08d", random.nextInt(100_000_000)));
                String siret = luhn(siren + String.format("%04d", 1 + random.nextInt(60)));
                String name = (company ? WORDS[random.nextInt(WORDS.length)] + " " + TRADES[random.nextInt(TRADES.length)]
                        : "Partenaire " + WORDS[random.nextInt(WORDS.length)]) + " " + (i + 1);
                organisationRows.add(new Object[]{id, 1, now, now,
                        company ? "COMPANY" : PARTNER_KINDS[random.nextInt(PARTNER_KINDS.length)], name, siren, siret,
                        company ? NAF[random.nextInt(NAF.length)] : null,
                        company ? SIZE_BANDS[random.nextInt(SIZE_BANDS.length)] : null,
                        (1 + random.nextInt(200)) + " rue " + WORDS[random.nextInt(WORDS.length)],
                        commune == null ? null : commune.postcode(), commune == null ? null : commune.code(),
                        random.nextInt(10) == 0, company && random.nextInt(3) == 0});
                if (company) {
                    companies.add(new Org(id, epci.siren(), epci.department()));
                } else {
                    partnersByDepartment.computeIfAbsent(epci.department(), k -> new ArrayList<>()).add(id);
                }
                organisations++;
                if (organisationRows.size() >= CHUNK) {
                    flush();
                }
            }
            flush();
        }

        private static String luhn(String digits) {
            for (int check = 0; check < 10; check++) {
                String candidate = digits + check;
                int sum = 0;
                for (int i = 0; i < candidate.length(); i++) {
                    int d = candidate.charAt(candidate.length() - 1 - i) - '0';
                    if (i % 2 == 1) {
                        d *= 2;
                        if (d > 9) {
                            d -= 9;
                        }
                    }
                    sum += d;
                }
                if (sum % 10 == 0) {
                    return candidate;
                }
            }
            throw new IllegalStateException();
        }

        private void generateConventions(int count) throws SQLException {
            LocalDate first = LocalDate.of(FIRST_YEAR, 1, 1);
            int days = (int) (LocalDate.of(2026, 12, 31).toEpochDay() - first.toEpochDay());
            for (int i = 0; i < count; i++) {
                // every company gets a convention, then a third of them a second or third one
                Org company = i < companies.size() ? companies.get(i) : companies.get(random.nextInt(companies.size()));
                LocalDate startDate = first.plusDays(random.nextInt(days + 1));
                LocalDate endDate = startDate.plusYears(3).minusDays(1);
                String status = status(startDate, endDate);
                boolean signed = !List.of("DRAFT", "NEGOTIATION", "READY_TO_SIGN").contains(status);
                LocalDate signature = signed ? startDate.minusDays(random.nextInt(60)) : null;
                int year = startDate.getYear();
                int number = sequences.merge(company.department() + "/" + year, 1, Integer::sum);
                String reference = company.department() + "-" + year + "-" + String.format("%03d", number);
                UUID id = nextId();
                String framework = startDate.getYear() < 2018 ? "CHARTE_ENTREPRISES_QUARTIERS"
                        : random.nextInt(5) == 0 ? "LOCAL_CONVENTION" : "PAQTE";
                conventionRows.add(new Object[]{id, 1, now, now, reference, "Convention " + reference, company.id(),
                        framework, company.department(), company.epci(), "Délégué·e du préfet", status, signature,
                        startDate, endDate});
                conventions++;
                addConventionQpvs(id, company);
                // a few signed conventions still wait for their engagements (an alert of the dashboard)
                int engagementCount = random.nextInt(50) == 0 ? 0
                        : ENGAGEMENTS_PER_CONVENTION - 4 + random.nextInt(10);
                int years = 0;
                for (int e = 0; e < engagementCount; e++) {
                    years |= addEngagement(id, company, status, startDate.getYear(), endDate.getYear());
                }
                if (signed && years != 0) {
                    owing.add(new Owing(id, years));
                }
                if (engagementRows.size() + targetRows.size() + resultRows.size() >= CHUNK * 4) {
                    flush();
                }
            }
        }

        private String status(LocalDate startDate, LocalDate endDate) {
            int p = random.nextInt(100);
            if (endDate.isBefore(today)) {
                return p < 78 ? "EXPIRED" : p < 92 ? "RENEWED" : "TERMINATED";
            }
            if (!startDate.isAfter(today)) {
                return p < 92 ? "ACTIVE" : p < 97 ? "SIGNED" : "TERMINATED";
            }
            return p < 40 ? "SIGNED" : p < 60 ? "READY_TO_SIGN" : p < 80 ? "NEGOTIATION" : "DRAFT";
        }

        private void addConventionQpvs(UUID conventionId, Org company) {
            List<UUID> pool = qpvsByEpci.getOrDefault(company.epci(),
                    qpvsByDepartment.getOrDefault(company.department(), List.of()));
            if (pool.isEmpty()) {
                return;
            }
            int wanted = Math.min(pool.size(), 1 + random.nextInt(3));
            int offset = random.nextInt(pool.size());
            for (int q = 0; q < wanted; q++) {
                conventionQpvRows.add(new Object[]{conventionId, pool.get((offset + q) % pool.size())});
                conventionQpvs++;
            }
        }

        /**
         * Most engagements run over every calendar year the convention touches, some over part of
         * them. Returns the years covered (bit {@code year - FIRST_YEAR}), none when abandoned.
         */
        private int addEngagement(UUID conventionId, Org company, String conventionStatus, int startYear,
                                  int endYear) {
            ActionType type = actionTypes.get(random.nextInt(actionTypes.size()));
            int firstYear = startYear;
            int lastYear = endYear;
            if (random.nextInt(10) < 2) {
                firstYear = startYear + random.nextInt(2);
                lastYear = firstYear + random.nextInt(endYear + 1 - firstYear);
            }
            String status = engagementStatus(conventionStatus);
            UUID partner = null;
            if (random.nextInt(5) == 0) {
                List<UUID> partners = partnersByDepartment.get(company.department());
                if (partners != null) {
                    partner = partners.get(random.nextInt(partners.size()));
                }
            }
            UUID id = nextId();
            engagementRows.add(new Object[]{id, 1, now, now, conventionId, type.id(), null, partner, firstYear,
                    lastYear, status});
            engagements++;
            int years = 0;
            if (!"ABANDONED".equals(status)) {
                for (int year = firstYear; year <= lastYear; year++) {
                    years |= 1 << (year - FIRST_YEAR);
                }
            }
            // about one engagement in a hundred has no target yet (an alert of the dashboard)
            if (random.nextInt(100) == 0) {
                return years;
            }
            boolean reported = !List.of("DRAFT", "NEGOTIATION", "READY_TO_SIGN", "SIGNED").contains(conventionStatus);
            for (Indicator indicator : type.indicators()) {
                for (int year = firstYear; year <= lastYear; year++) {
                    BigDecimal target = value(indicator.unit(), null);
                    targetRows.add(new Object[]{id, indicator.id(), year, target});
                    targets++;
                    if (reported && year <= today.getYear() && random.nextInt(20) != 0) {
                        LocalDate received = LocalDate.of(year + 1, 1, 15).plusDays(random.nextInt(120));
                        resultRows.add(new Object[]{nextId(), 1, now, now, id, indicator.id(), year,
                                value(indicator.unit(), target), SOURCES[random.nextInt(SOURCES.length)],
                                received.isAfter(today) ? today : received});
                        results++;
                    }
                }
            }
            return years;
        }

        /**
         * A reporting campaign for every year before this one, due on 31 March of the next year, with
         * a report for each signed convention whose live engagements cover the year: older ones
         * almost all validated, a few still awaited (overdue); last year's under way.
         */
        private void generateCampaigns() throws SQLException {
            for (int year = FIRST_YEAR; year < today.getYear(); year++) {
                UUID campaign = nextId();
                LocalDate due = LocalDate.of(year + 1, 3, 31);
                campaignRows.add(new Object[]{campaign, 1, now, now, year, due});
                boolean last = year == today.getYear() - 1;
                LocalDate asked = LocalDate.of(year + 1, 1, 15);
                for (Owing o : owing) {
                    if ((o.years() & (1 << (year - FIRST_YEAR))) == 0) {
                        continue;
                    }
                    int p = random.nextInt(100);
                    String state = last ? (p < 55 ? "VALIDATED" : p < 80 ? "RECEIVED" : p < 95 ? "REQUESTED" : "TO_REQUEST")
                            : p < 96 ? "VALIDATED" : p < 99 ? "RECEIVED" : "REQUESTED";
                    LocalDate received = asked.plusDays(20 + random.nextInt(100));
                    LocalDate validated = received.plusDays(10 + random.nextInt(30));
                    reportRows.add(new Object[]{nextId(), 1, now, now, campaign, o.conventionId(), state,
                            "TO_REQUEST".equals(state) ? null : asked,
                            "REQUESTED".equals(state) ? notAfterToday(due.plusDays(14)) : null,
                            "RECEIVED".equals(state) || "VALIDATED".equals(state) ? notAfterToday(received) : null,
                            "VALIDATED".equals(state) ? notAfterToday(validated) : null});
                    reports++;
                    if (reportRows.size() >= CHUNK) {
                        flush();
                    }
                }
            }
        }

        private LocalDate notAfterToday(LocalDate day) {
            return day.isAfter(today) ? today : day;
        }

        private String engagementStatus(String conventionStatus) {
            int p = random.nextInt(100);
            return switch (conventionStatus) {
                case "ACTIVE" -> p < 70 ? "IN_PROGRESS" : p < 85 ? "DONE" : p < 95 ? "PLANNED" : "ABANDONED";
                case "EXPIRED", "RENEWED" -> p < 80 ? "DONE" : p < 90 ? "ABANDONED" : "IN_PROGRESS";
                case "TERMINATED" -> p < 50 ? "ABANDONED" : "DONE";
                default -> "PLANNED";
            };
        }

        /**
         * A target (when {@code target} is null) or a realised value around it, following the unit
         * rules: whole numbers except euros (cents), yes/no 1 or 0.
         */
        private BigDecimal value(String unit, BigDecimal target) {
            if ("YES_NO".equals(unit)) {
                return target == null || random.nextInt(4) != 0 ? BigDecimal.ONE.setScale(2) : BigDecimal.ZERO.setScale(2);
            }
            double base = target != null ? target.doubleValue() * (0.3 + random.nextDouble()) : switch (unit) {
                case "EUROS" -> 500 + random.nextDouble() * 50_000;
                case "HOURS" -> 10 + random.nextInt(400);
                case "DAYS" -> 1 + random.nextInt(30);
                default -> 1 + random.nextInt(20);
            };
            BigDecimal v = BigDecimal.valueOf(base);
            return "EUROS".equals(unit) ? v.setScale(2, RoundingMode.HALF_UP)
                    : v.setScale(0, RoundingMode.HALF_UP).setScale(2);
        }

        /** Writes the buffered rows in foreign-key order and commits. */
        private void flush() throws SQLException {
            insert(QPV, qpvRows, QPV.ID, QPV.VERSION, QPV.CREATED_AT, QPV.UPDATED_AT, QPV.CODE, QPV.NAME,
                    QPV.GEOGRAPHY_VERSION, QPV.DEPARTMENT_CODE, QPV.EPCI_SIREN, QPV.COMMUNE_CODES);
            insert(ORGANISATION, organisationRows, ORGANISATION.ID, ORGANISATION.VERSION, ORGANISATION.CREATED_AT,
                    ORGANISATION.UPDATED_AT, ORGANISATION.KIND, ORGANISATION.LEGAL_NAME, ORGANISATION.SIREN,
                    ORGANISATION.SIRET, ORGANISATION.NAF_CODE, ORGANISATION.SIZE_BAND, ORGANISATION.ADDRESS_LINE,
                    ORGANISATION.POSTCODE, ORGANISATION.COMMUNE_CODE, ORGANISATION.IN_QPV, ORGANISATION.PAQTE_MEMBER);
            insert(CONVENTION, conventionRows, CONVENTION.ID, CONVENTION.VERSION, CONVENTION.CREATED_AT,
                    CONVENTION.UPDATED_AT, CONVENTION.REFERENCE, CONVENTION.TITLE, CONVENTION.COMPANY_ID,
                    CONVENTION.FRAMEWORK, CONVENTION.DEPARTMENT_CODE, CONVENTION.EPCI_SIREN,
                    CONVENTION.STATE_REFERENT, CONVENTION.STATUS, CONVENTION.SIGNATURE_DATE, CONVENTION.START_DATE,
                    CONVENTION.END_DATE);
            insert(CONVENTION_QPV, conventionQpvRows, CONVENTION_QPV.CONVENTION_ID, CONVENTION_QPV.QPV_ID);
            insert(ENGAGEMENT, engagementRows, ENGAGEMENT.ID, ENGAGEMENT.VERSION, ENGAGEMENT.CREATED_AT,
                    ENGAGEMENT.UPDATED_AT, ENGAGEMENT.CONVENTION_ID, ENGAGEMENT.ACTION_TYPE_ID,
                    ENGAGEMENT.DESCRIPTION, ENGAGEMENT.PARTNER_ID, ENGAGEMENT.FIRST_YEAR, ENGAGEMENT.LAST_YEAR,
                    ENGAGEMENT.STATUS);
            insert(ENGAGEMENT_TARGET, targetRows, ENGAGEMENT_TARGET.ENGAGEMENT_ID, ENGAGEMENT_TARGET.INDICATOR_ID,
                    ENGAGEMENT_TARGET.YEAR_NUMBER, ENGAGEMENT_TARGET.TARGET_VALUE);
            insert(ENGAGEMENT_RESULT, resultRows, ENGAGEMENT_RESULT.ID, ENGAGEMENT_RESULT.VERSION,
                    ENGAGEMENT_RESULT.CREATED_AT, ENGAGEMENT_RESULT.UPDATED_AT, ENGAGEMENT_RESULT.ENGAGEMENT_ID,
                    ENGAGEMENT_RESULT.INDICATOR_ID, ENGAGEMENT_RESULT.YEAR_NUMBER, ENGAGEMENT_RESULT.REALISED_VALUE,
                    ENGAGEMENT_RESULT.SOURCE, ENGAGEMENT_RESULT.RECEIVED_ON);
            insert(REPORTING_CAMPAIGN, campaignRows, REPORTING_CAMPAIGN.ID, REPORTING_CAMPAIGN.VERSION,
                    REPORTING_CAMPAIGN.CREATED_AT, REPORTING_CAMPAIGN.UPDATED_AT, REPORTING_CAMPAIGN.YEAR_NUMBER,
                    REPORTING_CAMPAIGN.DUE_DATE);
            insert(CAMPAIGN_REPORT, reportRows, CAMPAIGN_REPORT.ID, CAMPAIGN_REPORT.VERSION, CAMPAIGN_REPORT.CREATED_AT,
                    CAMPAIGN_REPORT.UPDATED_AT, CAMPAIGN_REPORT.CAMPAIGN_ID, CAMPAIGN_REPORT.CONVENTION_ID,
                    CAMPAIGN_REPORT.STATE, CAMPAIGN_REPORT.REQUESTED_ON, CAMPAIGN_REPORT.LAST_REMINDER_ON,
                    CAMPAIGN_REPORT.RECEIVED_ON, CAMPAIGN_REPORT.VALIDATED_ON);
            connection.commit();
        }

        private void insert(Table<?> table, List<Object[]> rows, Field<?>... fields) {
            if (rows.isEmpty()) {
                return;
            }
            var batch = local.batch(local.insertInto(table, fields).values(new Object[fields.length]));
            for (Object[] row : rows) {
                batch.bind(row);
            }
            batch.execute();
            rows.clear();
        }
    }
}
