package fr.ancrage.ui.ceremonies;

import fr.ancrage.domain.Attendance;
import fr.ancrage.domain.Ceremony;
import fr.ancrage.domain.CeremonyItem;
import fr.ancrage.domain.CeremonyRules;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.TestStores;
import fr.ancrage.service.CeremonyService;
import fr.ancrage.service.DemoDataService;
import fr.ancrage.ui.common.SyncTaskRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ceremony form and the ceremonies screen's state, without a screen. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CeremonyViewModelsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
    private Database db;
    private CeremonyService ceremonies;

    @BeforeAll
    void setUp() {
        db = TestStores.withReference();
        Store store = new Store(db.dsl());
        new DemoDataService(store, CLOCK).load();
        ceremonies = new CeremonyService(store, CLOCK);
    }

    @AfterAll
    void tearDown() {
        TestStores.shutdown(db);
    }

    @Test
    void timesAreReadAsTheTeamTypesThem() {
        assertThat(CeremonyFormViewModel.readTime("10:30")).contains(LocalTime.of(10, 30));
        assertThat(CeremonyFormViewModel.readTime(" 10h30 ")).contains(LocalTime.of(10, 30));
        assertThat(CeremonyFormViewModel.readTime("9 h")).contains(LocalTime.of(9, 0));
        assertThat(CeremonyFormViewModel.readTime("18.05")).contains(LocalTime.of(18, 5));
        assertThat(CeremonyFormViewModel.readTime("")).isEmpty();
        for (String wrong : List.of("25:00", "10:75", "midi", "10h3")) {
            assertThatThrownBy(() -> CeremonyFormViewModel.readTime(wrong)).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(CeremonyFormViewModel.timeText(LocalTime.of(9, 5))).isEqualTo("09:05");
    }

    @Test
    void theFormSaysWhatIsMissingAndKeepsTheClosingDate() {
        CeremonyFormViewModel form = new CeremonyFormViewModel();
        form.startNew("Signature", LocalDate.of(2027, 3, 17), "Préfecture", "Le préfet");
        assertThat(form.dirtyProperty().get()).isTrue();
        assertThat(form.validateAll()).isTrue();
        form.title.set("  ");
        form.startTime.set("midi");
        assertThat(form.validateAll()).isFalse();
        assertThat(form.issues(CeremonyRules.TITLE).get()).extracting(i -> i.messageKey())
                .containsExactly("validation.ceremony.title.required");
        assertThat(form.issues(CeremonyFormViewModel.START_TIME).get()).extracting(i -> i.messageKey())
                .containsExactly("validation.ceremony.time.unreadable");
        assertThat(form.firstErrorField()).isEqualTo(CeremonyRules.TITLE);
        form.unreadableDate("32/13/2027");
        assertThat(form.issues(CeremonyRules.DATE).get()).extracting(i -> i.messageKey())
                .containsExactly("validation.date.unreadable");
        form.unreadableDate(null);
        assertThat(form.issues(CeremonyRules.DATE).get()).isEmpty();

        Ceremony closed = new Ceremony(RecordMeta.fresh(), "Mars", LocalDate.of(2026, 3, 17), LocalTime.of(10, 0),
                "", "", "", "", "", LocalDate.of(2026, 3, 18), List.of(), List.of());
        form.load(closed);
        assertThat(form.dirtyProperty().get()).isFalse();
        assertThat(form.startTime.get()).isEqualTo("10:00");
        form.notes.set("Article paru");
        assertThat(form.dirtyProperty().get()).isTrue();
        assertThat(form.toCeremony().closedOn()).isEqualTo(LocalDate.of(2026, 3, 18));
        assertThat(form.toCeremony().meta()).isEqualTo(closed.meta());
    }

    @Test
    void movingALineShowsAtOnceAndIsStored() {
        List<Throwable> errors = new ArrayList<>();
        CeremoniesViewModel model = new CeremoniesViewModel(ceremonies, new SyncTaskRunner(), errors::add);
        Ceremony c = ceremonies.save(new Ceremony(RecordMeta.fresh(), "Ordre", LocalDate.of(2026, 12, 1), null, "",
                "", "", "", "", null, List.of(), List.of()));
        model.loadList(c.id(), () -> { });
        model.add(ceremonies.candidates().stream().limit(3).map(x -> x.id()).toList(), () -> { });
        List<CeremonyItem> before = List.copyOf(model.items);
        assertThat(before).hasSize(3);

        assertThat(model.move(2, 0)).isTrue();

        assertThat(model.items).extracting(CeremonyItem::conventionId).containsExactly(before.get(2).conventionId(),
                before.get(0).conventionId(), before.get(1).conventionId());
        assertThat(ceremonies.items(c.id())).extracting(CeremonyItem::conventionId)
                .containsExactlyElementsOf(model.items.stream().map(CeremonyItem::conventionId).toList());
        assertThat(model.move(0, 3)).as("past the end").isFalse();
        assertThat(model.move(1, 1)).isFalse();

        model.setAttendance(model.items.getFirst().signatories(), Attendance.PRESENT, () -> { });
        assertThat(model.items.getFirst().signatories()).allMatch(s -> s.attendance() == Attendance.PRESENT);
        model.close(closing -> assertThat(closing.signed()).hasSize(1));
        assertThat(model.closed()).isTrue();
        assertThat(model.items.getFirst().signed()).isTrue();
        assertThat(model.items.getFirst().status()).isEqualTo(ConventionStatus.SIGNED);
        // a closed ceremony's order no longer changes: the store refuses, the lines come back as they were
        model.move(0, 1);
        assertThat(errors).hasSize(1);
        assertThat(model.items.getFirst().conventionId()).isEqualTo(before.get(2).conventionId());
    }
}
