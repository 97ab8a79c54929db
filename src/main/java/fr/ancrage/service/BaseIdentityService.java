package fr.ancrage.service;

import fr.ancrage.domain.BaseIdentity;
import fr.ancrage.domain.BaseIdentityRules;
import fr.ancrage.domain.Text;
import fr.ancrage.domain.ValidationException;
import fr.ancrage.domain.validation.Issue;
import fr.ancrage.persistence.Store;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * « Identité de cette base »: the id of the base and the name the team gives it, shown in the
 * status bar and carried by every package the base makes. Blocking: background tasks.
 */
public final class BaseIdentityService {

    private final Store store;

    private final java.time.Clock clock;

    public BaseIdentityService(Store store, java.time.Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Gives this base a new identifier, its name kept: for a data folder copied from another base
     * still in use, so that the two are told apart by the bases they exchange with. Returns the
     * identity as stored.
     */
    public BaseIdentity renew() {
        return store.write(r -> r.baseIdentity().renew(fr.ancrage.domain.Ids.newId(), clock.instant()));
    }

    /** The identity of the base, as stored now. */
    public BaseIdentity identity() {
        return store.read(r -> r.baseIdentity().get());
    }

    /**
     * Names the base {@code name}, stripped; refused with {@link ValidationException} (under
     * {@link BaseIdentityRules#NAME}) when blank, longer than {@value BaseIdentityRules#NAME_LENGTH}
     * characters or holding a control character. Returns the identity as stored.
     */
    public BaseIdentity rename(String name) {
        Map<String, List<Issue>> issues = BaseIdentityRules.check(name);
        if (!issues.isEmpty()) {
            throw new ValidationException(issues);
        }
        String cleaned = Text.cleanLine(name);
        return store.write(r -> r.baseIdentity().rename(cleaned));
    }
}
