package fr.ancrage.ui.conventions;

import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.GeographyVersion;
import fr.ancrage.service.ServiceFixtures;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Defect 7 of issue 15: a value set again, equal to the one shown, is no change. */
class ConventionFormViewModelTest {

    @Test
    void anEqualButNewValueLeavesTheFormUnmodifiedAndADifferentOneMarksIt() {
        Qpv qpv = new Qpv(RecordMeta.fresh(), "QN02501A", "Planoise", GeographyVersion.QPV_2024, "25",
                ServiceFixtures.GRAND_BESANCON, List.of("25056"));
        Convention d = ServiceFixtures.draft(UUID.randomUUID());
        Convention c = new Convention(d.meta(), "25-2026-001", "Convention", d.companyId(), d.framework(), "25",
                d.epciSiren(), "", ConventionStatus.DRAFT, null, LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31),
                Set.of(qpv.id()), List.of(), "");
        ConventionFormViewModel form = new ConventionFormViewModel();
        form.load(c, null, null, null, List.of(qpv));

        // what a DatePicker does on focus loss: reads its text back into a new LocalDate
        form.startDateProperty().set(LocalDate.parse("2026-01-01"));
        form.endDateProperty().set(LocalDate.of(2028, 12, 31));
        form.targetedQpvs().setAll(List.of(qpv));
        form.titleProperty().set(new String("Convention"));
        assertThat(form.dirtyProperty().get()).isFalse();

        form.startDateProperty().set(LocalDate.of(2026, 2, 1));
        assertThat(form.dirtyProperty().get()).isTrue();
    }

    @Test
    void anotherQpvListMarksTheForm() {
        ConventionFormViewModel form = new ConventionFormViewModel();
        form.targetedQpvs().setAll(List.of());
        assertThat(form.dirtyProperty().get()).isFalse();
        form.targetedQpvs().add(new Qpv(RecordMeta.fresh(), "QN02501A", "Planoise", GeographyVersion.QPV_2024, "25",
                ServiceFixtures.GRAND_BESANCON, List.of("25056")));
        assertThat(form.dirtyProperty().get()).isTrue();
    }
}
