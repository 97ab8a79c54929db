package fr.ancrage.service.documents;

import fr.ancrage.documents.Doc;
import fr.ancrage.documents.OdtTemplate;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.Counterpart;
import fr.ancrage.domain.EngagementListItem;
import fr.ancrage.domain.EngagementStatus;
import fr.ancrage.domain.Indicator;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.Signatory;
import fr.ancrage.domain.SignatoryRole;
import fr.ancrage.domain.Target;
import fr.ancrage.domain.validation.Siret;
import fr.ancrage.i18n.I18n;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * « Convention à signer »: the convention text from the team's ODT template, its placeholders
 * filled from the convention. Every problem (an unknown placeholder, a value the template needs and
 * the convention lacks, a signatory without title) is found before anything is written and reported
 * together, in French, saying what to fix.
 */
final class ConventionToSign {

    /**
     * The convention and everything the template may name; {@code place}: where documents are made
     * (the letterhead's « Fait à »), empty when not set.
     */
    record Data(Convention convention, Organisation company, String companyCommune, String departmentName,
                String epciName, List<Qpv> qpvs, List<EngagementListItem> engagements,
                Map<UUID, Indicator> indicators, List<Counterpart> counterparts, Map<UUID, String> organisationNames,
                String place, Map<UUID, String> civilities) {

        Data {
            place = place == null ? "" : place.strip();
            civilities = civilities == null ? Map.of() : Map.copyOf(civilities);
        }

        Data(Convention convention, Organisation company, String companyCommune, String departmentName,
             String epciName, List<Qpv> qpvs, List<EngagementListItem> engagements,
             Map<UUID, Indicator> indicators, List<Counterpart> counterparts, Map<UUID, String> organisationNames) {
            this(convention, company, companyCommune, departmentName, epciName, qpvs, engagements, indicators,
                    counterparts, organisationNames, "", Map.of());
        }

        /**
         * The signatory's name as a document writes it: with the civilité of its contact (« Mme Valérie
         * Cretin »), or as typed when it has no contact or the contact's civilité is not given.
         */
        String formalName(Signatory s) {
            String civility = s.contactId() == null ? null : civilities.get(s.contactId());
            return civility == null || civility.isEmpty() ? s.fullName() : civility + " " + s.fullName();
        }

        /** The signatories in signing order. */
        List<Signatory> signatories() {
            return convention.signatories().stream().sorted(java.util.Comparator.comparingInt(Signatory::position))
                    .toList();
        }
    }

    static final Set<String> BLOCKS = Set.of("parties", "engagements", "contreparties", "signatures");

    /** A placeholder: how to read its value, and the message key saying where to fill it in when missing. */
    private record Field(Function<Data, Optional<String>> value, Function<Data, String> missingKey) {
    }

    private final I18n i18n;
    private final DocFormats f;
    private final Map<String, Field> fields = new LinkedHashMap<>();

    ConventionToSign(I18n i18n) {
        this.i18n = i18n;
        this.f = new DocFormats(i18n);
        field("convention.reference", d -> text(d.convention().reference()), "doc.template.missing.reference");
        field("convention.intitule", d -> text(d.convention().title()), "doc.template.missing.title");
        field("convention.cadre", d -> Optional.of(i18n.label(d.convention().framework())), null);
        field("convention.date_debut", d -> Optional.ofNullable(d.convention().startDate()).map(f::date),
                "doc.template.missing.start");
        field("convention.date_fin", d -> Optional.ofNullable(d.convention().endDate()).map(f::date),
                "doc.template.missing.end");
        field("convention.duree_annees", d -> d.convention().startDate() == null || d.convention().endDate() == null
                ? Optional.empty()
                : Optional.of(Long.toString(Math.max(1, Math.round(java.time.temporal.ChronoUnit.DAYS.between(
                        d.convention().startDate(), d.convention().endDate()) / 365.25)))), "doc.template.missing.start");
        // not signed yet: a dotted line to fill in by hand at the signing table
        field("convention.date_signature", d -> Optional.of(d.convention().signatureDate() == null
                ? "………………………" : f.date(d.convention().signatureDate())), null);
        // one original for each signatory, as many as the signature blocks
        field("convention.nombre_exemplaires", d -> Optional.of(Integer.toString(Math.max(1,
                d.convention().signatories().size()))), null);
        // in the footer of every page: a dotted space for each party's initials
        field("paraphes", d -> Optional.of(String.join("   ", java.util.Collections.nCopies(
                Math.max(1, d.convention().signatories().size()), "…………"))), null);
        // the letterhead's « Fait à », or a dotted line to fill in by hand
        field("lieu", d -> Optional.of(d.place().isEmpty() ? "………………………" : d.place()), null);
        field("entreprise.raison_sociale", d -> Optional.ofNullable(d.company()).map(Organisation::legalName),
                "doc.template.missing.company");
        field("entreprise.siret", d -> Optional.ofNullable(d.company()).flatMap(c -> text(c.siret())).map(Siret::format),
                "doc.template.missing.siret");
        field("entreprise.adresse", d -> Optional.ofNullable(d.company()).flatMap(c -> address(c, d.companyCommune())),
                "doc.template.missing.address");
        field("entreprise.signataire.nom", d -> signatory(d, SignatoryRole.COMPANY).map(d::formalName),
                "doc.template.missing.companySignatory");
        title("entreprise.signataire.fonction", SignatoryRole.COMPANY, "doc.template.missing.companySignatory",
                "doc.template.missing.companySignatoryTitle");
        field("prefet.nom", d -> signatory(d, SignatoryRole.PREFECT).map(d::formalName),
                "doc.template.missing.prefect");
        title("prefet.fonction", SignatoryRole.PREFECT, "doc.template.missing.prefect", "doc.template.missing.prefectTitle");
        field("epci.nom", d -> Optional.ofNullable(d.epciName()), "doc.template.missing.epci");
        field("epci.signataire.nom", d -> signatory(d, SignatoryRole.EPCI).map(d::formalName),
                "doc.template.missing.epciSignatory");
        title("epci.signataire.fonction", SignatoryRole.EPCI, "doc.template.missing.epciSignatory",
                "doc.template.missing.epciSignatoryTitle");
        field("departement.code", d -> text(d.convention().departmentCode()), "doc.template.missing.department");
        field("departement.nom", d -> Optional.ofNullable(d.departmentName()), "doc.template.missing.department");
        field("referent_etat", d -> text(d.convention().stateReferent()), "doc.template.missing.referent");
        field("qpv.liste", d -> d.qpvs().isEmpty() ? Optional.empty()
                : Optional.of(d.qpvs().stream().map(q -> q.name() + " (" + q.code() + ")").collect(Collectors.joining(", "))),
                "doc.template.missing.qpvs");
    }

    private void field(String name, Function<Data, Optional<String>> value, String missingKey) {
        fields.put(name, new Field(value, d -> missingKey));
    }

    /** The title of a signatory: when the signatory itself is missing, that is what is said (once). */
    private void title(String name, SignatoryRole role, String missingSignatoryKey, String missingTitleKey) {
        fields.put(name, new Field(d -> signatory(d, role).flatMap(s -> text(s.jobTitle())),
                d -> signatory(d, role).isPresent() ? missingTitleKey : missingSignatoryKey));
    }

    /** The placeholders a template may use, blocks included, in the guide's order. */
    Set<String> names() {
        Set<String> names = new java.util.LinkedHashSet<>(fields.keySet());
        names.addAll(List.of("parties", "engagements", "contreparties", "signatures"));
        return names;
    }

    /** Everything wrong with this template for this convention, in French; empty when it can be produced. */
    List<String> problems(OdtTemplate template, Data d) throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> reported = new TreeSet<>();
        for (OdtTemplate.Found found : template.placeholders()) {
            String name = found.name();
            if (!fields.containsKey(name) && !BLOCKS.contains(name)) {
                if (reported.add("unknown " + name)) {
                    problems.add(i18n.format("doc.template.unknown", "{{" + name + "}}", found.paragraph()));
                }
                continue;
            }
            Field field = fields.get(name);
            if (field != null && field.value().apply(d).isEmpty()) {
                String key = field.missingKey().apply(d);
                if (reported.add("missing " + key)) {
                    problems.add(i18n.format(key, "{{" + name + "}}"));
                }
            }
            if ("engagements".equals(name) && active(d).isEmpty() && reported.add("engagements")) {
                problems.add(i18n.get("doc.template.missing.engagements"));
            }
            if ("parties".equals(name) && reported.add("parties")) {
                partiesProblems(d, problems, reported);
            }
            if (("signatures".equals(name) || "parties".equals(name)) && reported.add("signatures")) {
                if (d.convention().signatories().isEmpty()) {
                    problems.add(i18n.get("doc.template.missing.signatories"));
                }
                for (Signatory s : d.convention().signatories()) {
                    if (s.jobTitle().isEmpty()) {
                        problems.add(i18n.format("doc.template.missing.signatoryTitle", s.fullName()));
                    }
                }
            }
        }
        for (OdtTemplate.Found wrong : template.blocksNotAlone(BLOCKS)) {
            problems.add(i18n.format("doc.template.blockNotAlone", "{{" + wrong.name() + "}}", wrong.paragraph()));
        }
        if (d.company() == null && reported.add("missing doc.template.missing.company")) {
            problems.add(i18n.format("doc.template.missing.company", "{{entreprise.raison_sociale}}"));
        }
        return problems;
    }

    Map<String, String> values(Data d) {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((name, field) -> field.value().apply(d).ifPresent(v -> values.put(name, v)));
        return values;
    }

    Map<String, List<Doc.Block>> blocks(Data d) {
        return Map.of("parties", parties(d), "engagements", engagements(d), "contreparties", counterparts(d),
                "signatures", signatures(d));
    }

    /**
     * What the parties need: a signatory for the State and for the company, one for the EPCI when the
     * convention has one, the company's SIRET and address, the EPCI's name.
     */
    private void partiesProblems(Data d, List<String> problems, Set<String> reported) {
        if (!d.signatories().isEmpty()) {
            for (var required : List.of(Map.entry(SignatoryRole.PREFECT, "doc.template.missing.prefect"),
                    Map.entry(SignatoryRole.COMPANY, "doc.template.missing.companySignatory"),
                    Map.entry(SignatoryRole.EPCI, "doc.template.missing.epciSignatory"))) {
                boolean needed = required.getKey() != SignatoryRole.EPCI || !d.convention().epciSiren().isEmpty();
                if (needed && signatory(d, required.getKey()).isEmpty() && reported.add("missing " + required.getValue())) {
                    problems.add(i18n.format(required.getValue(), "{{parties}}"));
                }
            }
        }
        if (d.company() != null && text(d.company().siret()).isEmpty()
                && reported.add("missing doc.template.missing.siret")) {
            problems.add(i18n.format("doc.template.missing.siret", "{{parties}}"));
        }
        for (Signatory s : d.signatories()) {
            if (s.role() == SignatoryRole.COMPANY && d.company() != null) {
                if (address(d.company(), d.companyCommune()).isEmpty()
                        && reported.add("missing doc.template.missing.address")) {
                    problems.add(i18n.format("doc.template.missing.address", "{{parties}}"));
                }
            }
            if (s.role() == SignatoryRole.EPCI && d.epciName() == null && reported.add("missing doc.template.missing.epci")) {
                problems.add(i18n.format("doc.template.missing.epci", "{{parties}}"));
            }
        }
    }

    /**
     * « Entre les soussignés » : every signatory's party, in signing order, one paragraph each, the
     * last introduced by « et » — as many parties as signature blocks and originals.
     */
    private List<Doc.Block> parties(Data d) {
        List<Signatory> signatories = d.signatories();
        List<Doc.Block> blocks = new ArrayList<>();
        for (int i = 0; i < signatories.size(); i++) {
            boolean last = i == signatories.size() - 1;
            boolean and = last && signatories.size() > 1;
            Signatory s = signatories.get(i);
            String party = and && s.role() == SignatoryRole.PREFECT
                    ? i18n.format("doc.template.party.state.afterAnd", d.formalName(s), s.jobTitle()) : party(d, s);
            blocks.add(new Doc.Paragraph(and
                    ? i18n.format("doc.template.party.last", party) : i18n.format("doc.template.party.next", party)));
        }
        return blocks;
    }

    private String party(Data d, Signatory s) {
        String name = d.formalName(s);
        return switch (s.role()) {
            case PREFECT -> i18n.format("doc.template.party.state", name, s.jobTitle());
            case EPCI -> i18n.format("doc.template.party.epci", d.epciName() == null ? "" : d.epciName(), name,
                    s.jobTitle());
            case COMPANY -> d.company() == null ? i18n.format("doc.template.party.person", name, s.jobTitle())
                    : i18n.format("doc.template.party.company", d.company().legalName(),
                    text(d.company().siret()).map(Siret::format).orElse(""),
                    address(d.company(), d.companyCommune()).orElse(""), name, s.jobTitle());
            default -> s.organisationId() == null || !d.organisationNames().containsKey(s.organisationId())
                    ? i18n.format("doc.template.party.person", name, s.jobTitle())
                    : i18n.format("doc.template.party.organisation", d.organisationNames().get(s.organisationId()),
                    name, s.jobTitle());
        };
    }

    private static List<EngagementListItem> active(Data d) {
        return d.engagements().stream().filter(e -> e.engagement().status() != EngagementStatus.ABANDONED).toList();
    }

    /** By category: each action with its description and its yearly targets by indicator. */
    private List<Doc.Block> engagements(Data d) {
        List<Doc.Block> blocks = new ArrayList<>();
        Map<String, List<EngagementListItem>> byCategory = new LinkedHashMap<>();
        active(d).forEach(e -> byCategory.computeIfAbsent(e.categoryName(), k -> new ArrayList<>()).add(e));
        for (var category : byCategory.entrySet()) {
            blocks.add(new Doc.Heading(2, category.getKey()));
            for (EngagementListItem item : category.getValue()) {
                var e = item.engagement();
                blocks.add(new Doc.Paragraph(item.actionTypeName()
                        + (item.partnerName() == null || item.partnerName().isEmpty() ? ""
                        : " (" + i18n.format("doc.fiche.with", item.partnerName()) + ")"), Doc.Emphasis.STRONG));
                if (!e.description().isEmpty()) {
                    blocks.add(new Doc.Paragraph(e.description()));
                }
                if (e.targets().isEmpty()) {
                    continue;
                }
                List<Integer> years = new ArrayList<>();
                for (int y = e.firstYear(); y <= e.lastYear(); y++) {
                    years.add(y);
                }
                List<Doc.Column> columns = new ArrayList<>();
                columns.add(Doc.Column.text(i18n.get("doc.fiche.indicator"), 3));
                years.forEach(y -> columns.add(Doc.Column.number(Integer.toString(y), 1)));
                List<List<String>> rows = new ArrayList<>();
                Map<UUID, List<Target>> byIndicator = new LinkedHashMap<>();
                e.targets().forEach(t -> byIndicator.computeIfAbsent(t.indicatorId(), k -> new ArrayList<>()).add(t));
                byIndicator.forEach((indicatorId, targets) -> {
                    Indicator ind = d.indicators().get(indicatorId);
                    if (ind == null) {
                        return;
                    }
                    List<String> row = new ArrayList<>();
                    row.add(ind.name());
                    for (int y : years) {
                        row.add(targets.stream().filter(t -> t.year() == y).findFirst()
                                .map(t -> f.value(t.value(), ind.unit())).orElse(DocFormats.NONE));
                    }
                    rows.add(row);
                });
                if (!rows.isEmpty()) {
                    blocks.add(new Doc.Table(columns, rows, false));
                }
            }
        }
        return blocks;
    }

    private List<Doc.Block> counterparts(Data d) {
        if (d.counterparts().isEmpty()) {
            return List.of(new Doc.Paragraph(i18n.get("doc.template.noCounterpart")));
        }
        List<Doc.Block> blocks = new ArrayList<>();
        for (Counterpart c : d.counterparts()) {
            String partner = d.organisationNames().getOrDefault(c.partnerId(), "");
            blocks.add(new Doc.Paragraph((partner.isEmpty() ? "" : partner + " : ") + c.description()));
        }
        return blocks;
    }

    /** One block per signatory, in signing order: « Pour … », the name, the title, room to sign and stamp. */
    private List<Doc.Block> signatures(Data d) {
        List<Doc.Signature> blocks = new ArrayList<>();
        for (Signatory s : d.signatories()) {
            String forWhom = switch (s.role()) {
                case PREFECT -> i18n.get("doc.template.forState");
                case COMPANY -> i18n.format("doc.template.for", d.company() == null ? "" : d.company().legalName());
                case EPCI -> i18n.format("doc.template.for", d.epciName() == null ? "" : d.epciName());
                default -> i18n.format("doc.template.for", s.organisationId() == null ? s.fullName()
                        : d.organisationNames().getOrDefault(s.organisationId(), s.fullName()));
            };
            blocks.add(new Doc.Signature(forWhom, d.formalName(s), s.jobTitle()));
        }
        return blocks.isEmpty() ? List.of() : List.of(new Doc.Signatures(blocks));
    }

    private static Optional<Signatory> signatory(Data d, SignatoryRole role) {
        return d.convention().signatories().stream().filter(s -> s.role() == role).findFirst();
    }

    private static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<String> address(Organisation c, String commune) {
        List<String> parts = new ArrayList<>();
        if (!c.addressLine().isEmpty()) {
            parts.add(c.addressLine());
        }
        String town = (c.postcode() + " " + (commune == null ? "" : commune)).strip();
        if (!town.isEmpty()) {
            parts.add(town);
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
    }
}
