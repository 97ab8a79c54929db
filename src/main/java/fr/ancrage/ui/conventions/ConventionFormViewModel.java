package fr.ancrage.ui.conventions;

import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionRules;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.Department;
import fr.ancrage.domain.Epci;
import fr.ancrage.domain.Framework;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.Signatory;
import fr.ancrage.domain.validation.Issue;
import javafx.beans.Observable;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The convention form; the rules of {@link ConventionRules} are re-run on every change. */
public final class ConventionFormViewModel {

    private final ObjectProperty<Convention> original = new SimpleObjectProperty<>();
    private final StringProperty title = new SimpleStringProperty("");
    private final ObjectProperty<Organisation> company = new SimpleObjectProperty<>();
    private final ObjectProperty<Framework> framework = new SimpleObjectProperty<>(Framework.PAQTE);
    private final ObjectProperty<Department> department = new SimpleObjectProperty<>();
    private final ObjectProperty<Epci> epci = new SimpleObjectProperty<>();
    private final StringProperty stateReferent = new SimpleStringProperty("");
    private final ObjectProperty<ConventionStatus> status = new SimpleObjectProperty<>(ConventionStatus.DRAFT);
    private final ObjectProperty<LocalDate> signatureDate = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> startDate = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> endDate = new SimpleObjectProperty<>();
    private final StringProperty notes = new SimpleStringProperty("");
    private final ObservableList<Qpv> targetedQpvs = FXCollections.observableArrayList();
    private final ObservableList<Signatory> signatories = FXCollections.observableArrayList();
    private final BooleanProperty dirty = new SimpleBooleanProperty(false);
    private final fr.ancrage.ui.common.FormIssues issues = new fr.ancrage.ui.common.FormIssues(List.of(
            ConventionRules.COMPANY, ConventionRules.DEPARTMENT, ConventionRules.STATUS, ConventionRules.SIGNATURE_DATE,
            ConventionRules.START_DATE, ConventionRules.END_DATE));
    private final Map<String, String> unreadableDates = new LinkedHashMap<>();
    private final BooleanBinding hasErrors;
    /** The user confirmed « Modifier la convention signée… » for the convention shown (decision 0013). */
    private final BooleanProperty signedChangeAllowed = new SimpleBooleanProperty(false);
    private final BooleanBinding signedLocked = Bindings.createBooleanBinding(() -> original.get() != null
            && original.get().status().isSignedOrLater() && !signedChangeAllowed.get(), original, signedChangeAllowed);
    /** What the form held when it was loaded or cleared: the form is modified when it differs. */
    private Convention baseline;
    /** The identity a new convention keeps while it is typed (a new one at each clear). */
    private RecordMeta freshMeta = RecordMeta.fresh();
    private boolean loading;

    public ConventionFormViewModel() {
        // A date chosen in the calendar replaces whatever unreadable text was typed before.
        signatureDate.addListener(x -> unreadableDates.remove(ConventionRules.SIGNATURE_DATE));
        startDate.addListener(x -> unreadableDates.remove(ConventionRules.START_DATE));
        endDate.addListener(x -> unreadableDates.remove(ConventionRules.END_DATE));
        Observable[] all = {title, company, framework, department, epci, stateReferent, status, signatureDate,
                startDate, endDate, notes, targetedQpvs, signatories};
        for (Observable o : all) {
            fr.ancrage.ui.common.Changes.onChange(o, () -> {
                if (!loading) {
                    // modified means different from what was loaded, not « an event came »: a list
                    // reloaded with equal records, a date picker opened and closed, a field left
                    // with Shift+Tab leave the form as it was
                    dirty.set(!toConvention().equals(baseline));
                    recheck();
                }
            });
        }
        department.addListener((obs, old, now) -> {
            if (!loading && epci.get() != null && (now == null || !epci.get().departmentCode().equals(now.code()))) {
                epci.set(null);
            }
        });
        hasErrors = issues.hasErrors();
        clear();
    }

    /** Proposes a three-year convention from the start date, as most are. */
    public void proposeEndDate() {
        if (startDate.get() != null && endDate.get() == null) {
            endDate.set(startDate.get().plusYears(3).minusDays(1));
        }
    }

    private void recheck() {
        Map<String, List<Issue>> found = new LinkedHashMap<>(ConventionRules.check(toConvention()));
        unreadableDates.forEach((field, text) -> found.put(field, List.of(Issue.error("validation.date.unreadable", text))));
        issues.setAll(found);
    }

    /**
     * Records that the text typed in a date field could not be read ({@code null}: it could). The
     * field keeps its previous date and shows an error that blocks saving until a date is typed again.
     */
    public void unreadableDate(String field, String text) {
        if (text == null ? unreadableDates.remove(field) != null : !text.equals(unreadableDates.put(field, text))) {
            recheck();
        }
    }

    public boolean validateAll() {
        recheck();
        return !hasErrors.get();
    }

    /**
     * Shows the issues next to the fields the form has; returns the others, among them a refused
     * status change, which has no field of its own.
     */
    public Map<String, List<Issue>> showIssues(Map<String, List<Issue>> found) {
        return issues.show(found, java.util.Set.of(ConventionRules.STATUS));
    }

    public String firstErrorField() {
        return issues.firstErrorField();
    }

    public void clear() {
        loading = true;
        original.set(null);
        title.set("");
        company.set(null);
        framework.set(Framework.PAQTE);
        epci.set(null); // before the department: the EPCI choices follow the department
        department.set(null);
        stateReferent.set("");
        status.set(ConventionStatus.DRAFT);
        signatureDate.set(null);
        startDate.set(null);
        endDate.set(null);
        notes.set("");
        targetedQpvs.clear();
        signatories.clear();
        issues.clear();
        unreadableDates.clear();
        signedChangeAllowed.set(false);
        freshMeta = RecordMeta.fresh();
        loading = false;
        baseline = toConvention();
        dirty.set(false);
    }

    public void load(Convention c, Organisation companyRecord, Department dept, Epci epciRecord, List<Qpv> qpvs) {
        clear();
        loading = true;
        original.set(c);
        title.set(c.title());
        company.set(companyRecord);
        framework.set(c.framework());
        department.set(dept);
        epci.set(epciRecord);
        stateReferent.set(c.stateReferent());
        status.set(c.status());
        signatureDate.set(c.signatureDate());
        startDate.set(c.startDate());
        endDate.set(c.endDate());
        notes.set(c.notes());
        targetedQpvs.setAll(qpvs);
        signatories.setAll(c.signatories());
        loading = false;
        baseline = toConvention();
        dirty.set(false);
    }

    public Convention toConvention() {
        Convention o = original.get();
        RecordMeta meta = o == null ? freshMeta : o.meta();
        Set<UUID> qpvIds = targetedQpvs.stream().map(Qpv::id).collect(Collectors.toSet());
        return new Convention(meta, o == null ? "" : o.reference(), title.get(),
                company.get() == null ? null : company.get().id(), framework.get(),
                department.get() == null ? "" : department.get().code(), epci.get() == null ? "" : epci.get().siren(),
                stateReferent.get(), status.get(), signatureDate.get(), startDate.get(), endDate.get(), qpvIds,
                List.copyOf(signatories), notes.get());
    }

    /**
     * True while the convention shown is signed and the user has not asked to change what the
     * signature protects: its company, signature date and signatories are then read-only.
     */
    public BooleanBinding signedLockedBinding() {
        return signedLocked;
    }

    /** After the user confirmed « Modifier la convention signée… »: until the next load or clear. */
    public void allowSignedChange() {
        signedChangeAllowed.set(true);
    }

    public boolean signedChangeAllowed() {
        return signedChangeAllowed.get();
    }

    public boolean isNew() {
        return original.get() == null;
    }

    public ObjectProperty<List<Issue>> issues(String field) {
        return issues.of(field);
    }

    public ObjectProperty<Convention> originalProperty() {
        return original;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public ObjectProperty<Organisation> companyProperty() {
        return company;
    }

    public ObjectProperty<Framework> frameworkProperty() {
        return framework;
    }

    public ObjectProperty<Department> departmentProperty() {
        return department;
    }

    public ObjectProperty<Epci> epciProperty() {
        return epci;
    }

    public StringProperty stateReferentProperty() {
        return stateReferent;
    }

    public ObjectProperty<ConventionStatus> statusProperty() {
        return status;
    }

    public ObjectProperty<LocalDate> signatureDateProperty() {
        return signatureDate;
    }

    public ObjectProperty<LocalDate> startDateProperty() {
        return startDate;
    }

    public ObjectProperty<LocalDate> endDateProperty() {
        return endDate;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public ObservableList<Qpv> targetedQpvs() {
        return targetedQpvs;
    }

    public ObservableList<Signatory> signatories() {
        return signatories;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public BooleanBinding hasErrorsBinding() {
        return hasErrors;
    }
}
