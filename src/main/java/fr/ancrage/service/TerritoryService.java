package fr.ancrage.service;

import fr.ancrage.domain.Commune;
import fr.ancrage.domain.Department;
import fr.ancrage.domain.Epci;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.ReferenceDataVersion;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.Text;
import fr.ancrage.domain.ValidationException;
import fr.ancrage.domain.validation.Issue;
import fr.ancrage.domain.validation.QpvCode;
import fr.ancrage.domain.validation.TextLimits;
import fr.ancrage.persistence.Store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Territories: the national reference (read-only) and the QPVs. Blocking: call from a background task. */
public final class TerritoryService {

    public static final String QPV_CODE = "code";
    public static final String QPV_NAME = "name";
    public static final String QPV_DEPARTMENT = "department";

    private final Store store;

    public TerritoryService(Store store) {
        this.store = store;
    }

    /** Loads the bundled reference data into a new database; does nothing when already there. */
    public ReferenceDataVersion ensureReferenceData() {
        return store.write(r -> r.referenceData().importIfMissing());
    }

    /**
     * As {@link #ensureReferenceData()}, telling {@code progress} the rows written so far, table by
     * table ({@code epci}, {@code commune}…), from the working thread.
     */
    public ReferenceDataVersion ensureReferenceData(ReferenceProgress progress) {
        return store.write(r -> r.referenceData().importIfMissing(progress::inserted));
    }

    /** How far the reference import is: {@code done} of {@code total} rows of {@code table}. */
    @FunctionalInterface
    public interface ReferenceProgress {
        void inserted(String table, int done, int total);
    }

    public Optional<ReferenceDataVersion> referenceVersion() {
        return store.read(r -> r.referenceData().currentVersion());
    }

    public List<Department> departments() {
        return store.read(r -> r.territories().departments());
    }

    public List<Epci> epcis() {
        return store.read(r -> r.territories().epcis());
    }

    public List<Epci> epcisOfDepartment(String departmentCode) {
        return store.read(r -> r.territories().epcisOfDepartment(departmentCode));
    }

    public List<Commune> communesOfEpci(String epciSiren) {
        return store.read(r -> r.territories().communesOfEpci(epciSiren));
    }

    public List<Commune> communesOfDepartment(String departmentCode) {
        return store.read(r -> r.territories().communesOfDepartment(departmentCode));
    }

    public List<Commune> communes() {
        return store.read(r -> r.territories().communes());
    }

    public List<Qpv> qpvs() {
        return store.read(r -> r.qpvs().list());
    }

    /** Checks the code format, the department and the uniqueness of the code, then saves. */
    public Qpv saveQpv(Qpv q) {
        Map<String, List<Issue>> issues = new LinkedHashMap<>();
        List<Issue> code = QpvCode.check(q.code());
        if (!code.isEmpty()) {
            issues.put(QPV_CODE, code);
        } else if (QpvCode.versionOf(q.code()).orElseThrow() != q.geographyVersion()) {
            issues.put(QPV_CODE, List.of(Issue.error("validation.qpv.geographyMismatch")));
        } else if (!q.departmentCode().isEmpty() && !QpvCode.departmentCodeOf(q.code()).equals(q.departmentCode())) {
            issues.put(QPV_DEPARTMENT, List.of(Issue.error("validation.qpv.departmentMismatch",
                    QpvCode.departmentCodeOf(q.code()))));
        }
        if (Text.isBlank(q.name())) {
            issues.put(QPV_NAME, List.of(Issue.error("validation.qpv.name.required")));
        }
        TextLimits.check(issues, QPV_NAME, "fieldName.qpvName", q.name(), TextLimits.NAME);
        if (q.departmentCode().isEmpty()) {
            issues.put(QPV_DEPARTMENT, List.of(Issue.error("validation.qpv.department.required")));
        }
        if (!issues.isEmpty()) {
            throw new ValidationException(issues);
        }
        return store.write(r -> {
            var same = r.qpvs().findByCode(q.code());
            if (same.isPresent() && !same.get().id().equals(q.id())) {
                throw ValidationException.of(QPV_CODE, Issue.error("validation.qpv.duplicate", q.code()));
            }
            return r.qpvs().save(q);
        });
    }

    /** A QPV targeted by a convention stays: removing it would change signed documents. */
    public void deleteQpv(Qpv q) {
        store.run(r -> {
            int used = r.qpvs().usageCount(q.id());
            if (used > 0) {
                throw new RuleViolationException("qpv.delete.used", used);
            }
            r.qpvs().delete(q);
        });
    }
}
