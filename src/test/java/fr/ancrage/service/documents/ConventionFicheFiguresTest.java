package fr.ancrage.service.documents;

import fr.ancrage.documents.Doc;
import fr.ancrage.domain.Catalogue;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.Engagement;
import fr.ancrage.domain.EngagementStatus;
import fr.ancrage.domain.Indicator;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.RealisedValue;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.ResultSource;
import fr.ancrage.domain.Target;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.TestStores;
import fr.ancrage.service.CatalogueService;
import fr.ancrage.service.ConventionService;
import fr.ancrage.service.EngagementService;
import fr.ancrage.service.OrganisationService;
import fr.ancrage.service.ServiceFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fiche's « Totaux par indicateur » (issue 16): per year and to date, the years to come never in
 * the « à date » line, a sub-indicator under its parent, « — » and a sentence without any figure.
 * Today is 22/11/2026.
 */
class ConventionFicheFiguresTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-11-22T10:00:00Z");

    private Database db;
    private DocumentService documents;
    private EngagementService engagements;
    private ConventionService conventions;
    private Catalogue catalogue;
    private Organisation company;

    @BeforeEach
    void setUp() {
        db = TestStores.withReference();
        Store store = new Store(db.dsl());
        documents = new DocumentService(store, CLOCK, I18n.forLanguage("fr"));
        engagements = new EngagementService(store);
        conventions = new ConventionService(store, CLOCK);
        catalogue = new CatalogueService(store).catalogue();
        company = new OrganisationService(store).save(ServiceFixtures.company("Horlogerie Vauban", ""));
    }

    @AfterEach
    void tearDown() {
        TestStores.shutdown(db);
    }

    private Convention convention() {
        Convention d = ServiceFixtures.draft(company.id());
        return conventions.save(new Convention(d.meta(), "", d.title(), d.companyId(), d.framework(),
                d.departmentCode(), d.epciSiren(), d.stateReferent(), ConventionStatus.DRAFT, null,
                LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31), Set.of(), List.of(), ""));
    }

    private Indicator indicator(String code) {
        return catalogue.indicators().stream().filter(i -> code.equals(i.code())).findFirst().orElseThrow();
    }

    private Engagement hiring(Convention c, List<Target> targets) {
        var type = catalogue.actionTypes().stream().filter(t -> "HIRING".equals(t.code())).findFirst().orElseThrow();
        return engagements.save(new Engagement(RecordMeta.fresh(), c.id(), type.id(), "Embauches", Set.of(), null,
                2026, 2028, EngagementStatus.IN_PROGRESS, targets));
    }

    private void realised(Engagement e, Indicator i, int year, String value) {
        engagements.saveResult(new RealisedValue(RecordMeta.fresh(), e.id(), i.id(), year, new BigDecimal(value),
                ResultSource.COMPANY_REPORT, LocalDate.of(2026, 11, 2), ""));
    }

    /** The blocks of the totals section, up to the next level-1 heading. */
    private static List<Doc.Block> totals(Doc doc) {
        List<Doc.Block> blocks = new ArrayList<>();
        boolean in = false;
        for (Doc.Block b : doc.blocks()) {
            if (b instanceof Doc.Heading h && h.level() == 1) {
                in = h.text().startsWith("Totaux par indicateur");
                continue;
            }
            if (in) {
                blocks.add(b);
            }
        }
        return blocks;
    }

    private static List<List<String>> rows(List<Doc.Block> blocks) {
        return blocks.stream().filter(b -> b instanceof Doc.Table).flatMap(b -> ((Doc.Table) b).rows().stream())
                .toList();
    }

    @Test
    void totalsArePerYearAndToDateWithoutTheYearsToCome() {
        Convention c = convention();
        Indicator hires = indicator("HIRES");
        Indicator francs = indicator("EMPLOIS_FRANCS");
        List<Target> targets = new ArrayList<>();
        for (int year = 2026; year <= 2028; year++) {
            targets.add(new Target(hires.id(), year, new BigDecimal("10")));
            targets.add(new Target(francs.id(), year, new BigDecimal("3")));
        }
        Engagement e = hiring(c, targets);
        realised(e, hires, 2026, "9");
        realised(e, francs, 2026, "2");

        List<List<String>> rows = rows(totals(documents.conventionFiche(c.id(), CREATED)));
        // Indicateur | Unité | Année | Cible | Réalisé | Taux
        assertThat(rows).as("no total of every year (30 hires, 9 done: 30 %)")
                .noneMatch(r -> r.get(3).equals("30") || r.get(5).startsWith("30"));
        assertThat(rows).anySatisfy(r -> assertThat(r.subList(2, 6)).containsExactly("2026", "10", "9", "90\u00A0%"));
        assertThat(rows).anySatisfy(r -> assertThat(r.subList(2, 6)).containsExactly("2027", "10", "—", "—"));
        assertThat(rows).as("to date: 2026 and before")
                .anySatisfy(r -> assertThat(r.subList(2, 6)).containsExactly("À date", "10", "9", "90\u00A0%"));
        // the part right after its parent's lines, indented
        int firstPart = -1;
        int lastParent = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).getFirst().contains("dont emplois francs") && firstPart < 0) {
                firstPart = i;
            }
            if (rows.get(i).getFirst().equals("Embauches de résidents des QPV")) {
                lastParent = i;
            }
        }
        assertThat(lastParent).isGreaterThanOrEqualTo(0);
        assertThat(firstPart).isGreaterThan(lastParent);
        assertThat(rows.get(firstPart).getFirst()).startsWith("\u00A0");
        assertThat(rows.subList(lastParent + 1, firstPart)).allSatisfy(r -> assertThat(r.getFirst()).isEmpty());
    }

    @Test
    void aConventionWithoutFiguresSaysSoInsteadOfZeros() {
        Convention c = convention();
        hiring(c, List.of());
        List<Doc.Block> blocks = totals(documents.conventionFiche(c.id(), CREATED));
        assertThat(rows(blocks)).isEmpty();
        assertThat(blocks).anyMatch(b -> b instanceof Doc.Paragraph p && p.text().contains("aucune cible"));
    }
}
