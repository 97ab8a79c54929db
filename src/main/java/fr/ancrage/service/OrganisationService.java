package fr.ancrage.service;

import fr.ancrage.domain.Contact;
import fr.ancrage.domain.DuplicateCandidate;
import fr.ancrage.domain.NameSimilarity;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationListItem;
import fr.ancrage.domain.OrganisationRules;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.ValidationException;
import fr.ancrage.domain.validation.Issue;
import fr.ancrage.domain.validation.NafCode;
import fr.ancrage.domain.validation.Siret;
import fr.ancrage.persistence.Store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Use cases on organisations and their contacts. Blocking: call from a background task. */
public final class OrganisationService {

    private final Store store;

    public OrganisationService(Store store) {
        this.store = store;
    }

    public List<OrganisationListItem> list() {
        return store.read(r -> r.organisations().list());
    }

    public Optional<Organisation> get(UUID id) {
        return store.read(r -> r.organisations().findById(id));
    }

    /** Existing organisations with the same SIRET or a very close name (excluding the record itself). */
    public List<DuplicateCandidate> findPossibleDuplicates(Organisation candidate) {
        return store.read(r -> {
            List<DuplicateCandidate> found = new ArrayList<>();
            String siret = Siret.normalize(candidate.siret());
            for (Organisation existing : r.organisations().findAll()) {
                if (existing.id().equals(candidate.id())) {
                    continue;
                }
                if (!siret.isEmpty() && siret.equals(existing.siret())) {
                    found.add(new DuplicateCandidate(existing, DuplicateCandidate.Reason.SAME_SIRET));
                } else if (NameSimilarity.veryClose(candidate.legalName(), existing.legalName())) {
                    found.add(new DuplicateCandidate(existing, DuplicateCandidate.Reason.SIMILAR_NAME));
                }
            }
            return found;
        });
    }

    /** Validates, normalises identifiers and saves; refuses with {@link ValidationException} on errors. */
    public Organisation save(Organisation o) {
        Organisation normalized = normalize(o);
        Map<String, List<Issue>> issues = OrganisationRules.check(normalized);
        if (OrganisationRules.hasErrors(issues)) {
            throw new ValidationException(OrganisationRules.errorsOnly(issues));
        }
        return store.write(r -> r.organisations().save(normalized));
    }

    /** Deleting a company that is party to conventions is refused: the conventions would be orphaned. */
    public void delete(Organisation o) {
        store.run(r -> {
            refusal(r, o).ifPresent(e -> {
                throw e;
            });
            r.organisations().delete(o);
        });
    }

    /** Why {@link #delete} would refuse, asked before the user is asked to confirm (issue 15). */
    public java.util.Optional<RuleViolationException> deletionRefusal(Organisation o) {
        return store.read(r -> refusal(r, o));
    }

    private static java.util.Optional<RuleViolationException> refusal(fr.ancrage.persistence.Repositories r,
                                                                      Organisation o) {
        int conventions = r.conventions().countByCompany(o.id());
        if (conventions > 0) {
            return java.util.Optional.of(new RuleViolationException("organisation.delete.hasConventions", conventions));
        }
        int links = r.engagements().countByPartner(o.id()) + r.conventions().countSignatoriesOf(o.id());
        if (links > 0) {
            return java.util.Optional.of(new RuleViolationException("organisation.delete.isPartner", links));
        }
        return java.util.Optional.empty();
    }

    public List<Contact> contacts(UUID organisationId) {
        return store.read(r -> r.contacts().listByOrganisation(organisationId));
    }

    public Contact saveContact(Contact c) {
        Map<String, List<Issue>> issues = OrganisationRules.checkContact(c);
        if (!issues.isEmpty()) {
            throw new ValidationException(issues);
        }
        return store.write(r -> r.contacts().save(c));
    }

    public void deleteContact(Contact c) {
        store.run(r -> r.contacts().delete(c));
    }

    private static Organisation normalize(Organisation o) {
        String siret = Siret.normalize(o.siret());
        String siren = Siret.normalize(o.siren());
        if (siren.isEmpty() && siret.length() == Siret.SIRET_LENGTH) {
            siren = Siret.sirenOf(siret);
        }
        String naf = o.nafCode().isEmpty() ? "" : NafCode.normalize(o.nafCode());
        return new Organisation(o.meta(), o.kind(), o.legalName(), siren, siret, naf, o.sizeBand(),
                o.addressLine(), o.postcode(), o.communeCode(), o.inQpv(), o.paqteMember(), o.networks(), o.notes());
    }
}
