package fr.ancrage.ui.organisations;

import fr.ancrage.domain.Commune;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationKind;
import fr.ancrage.domain.OrganisationRules;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.SizeBand;
import fr.ancrage.domain.Text;
import fr.ancrage.domain.validation.ContactRules;
import fr.ancrage.domain.validation.Issue;
import fr.ancrage.domain.validation.NafCode;
import fr.ancrage.domain.validation.Siret;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The organisation form: one property per field, and the issues of each field recomputed as the
 * user types, so the view only has to show them.
 */
public final class OrganisationFormViewModel {

    public static final String COMMUNE = "commune";

    private final ObjectProperty<Organisation> original = new SimpleObjectProperty<>();
    private final ObjectProperty<OrganisationKind> kind = new SimpleObjectProperty<>(OrganisationKind.COMPANY);
    private final StringProperty legalName = new SimpleStringProperty("");
    private final StringProperty siret = new SimpleStringProperty("");
    private final StringProperty siren = new SimpleStringProperty("");
    private final StringProperty naf = new SimpleStringProperty("");
    private final ObjectProperty<SizeBand> sizeBand = new SimpleObjectProperty<>();
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty postcode = new SimpleStringProperty("");
    private final StringProperty communeText = new SimpleStringProperty("");
    private final ObjectProperty<Commune> commune = new SimpleObjectProperty<>();
    private final BooleanProperty inQpv = new SimpleBooleanProperty(false);
    private final BooleanProperty paqteMember = new SimpleBooleanProperty(false);
    private final StringProperty networks = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final BooleanProperty dirty = new SimpleBooleanProperty(false);
    private final Map<String, ObjectProperty<List<Issue>>> issues = new LinkedHashMap<>();
    private final BooleanBinding hasErrors;
    private Function<String, Commune> communeLookup = text -> null;
    private boolean loading;

    public OrganisationFormViewModel() {
        for (String field : List.of(OrganisationRules.LEGAL_NAME, OrganisationRules.SIRET, OrganisationRules.SIREN,
                OrganisationRules.NAF, OrganisationRules.POSTCODE, COMMUNE)) {
            issues.put(field, new SimpleObjectProperty<>(List.of()));
        }
        legalName.subscribe(v -> issues(OrganisationRules.LEGAL_NAME).set(OrganisationRules.checkLegalName(v)));
        siret.subscribe(v -> recheckIdentifiers());
        siren.subscribe(v -> recheckIdentifiers());
        naf.subscribe(v -> issues(OrganisationRules.NAF).set(NafCode.check(v)));
        postcode.subscribe(v -> issues(OrganisationRules.POSTCODE).set(ContactRules.checkPostcode(v)));
        communeText.subscribe(this::resolveCommune);
        Observable[] all = {kind, legalName, siret, siren, naf, sizeBand, address, postcode, commune, inQpv,
                paqteMember, networks, notes};
        for (Observable o : all) {
            fr.ancrage.ui.common.Changes.onChange(o, () -> {
                if (!loading) {
                    dirty.set(true);
                }
            });
        }
        hasErrors = Bindings.createBooleanBinding(
                () -> issues.values().stream().anyMatch(p -> Issue.anyError(p.get())),
                issues.values().toArray(Observable[]::new));
        clear();
    }

    /** How a typed commune text ("Besançon (25056)") is turned into a commune. */
    public void setCommuneLookup(Function<String, Commune> lookup) {
        this.communeLookup = lookup;
    }

    private void recheckIdentifiers() {
        issues(OrganisationRules.SIRET).set(Siret.checkSiret(siret.get()));
        issues(OrganisationRules.SIREN).set(OrganisationRules.checkSirenAgainstSiret(siren.get(), siret.get()));
    }

    private void resolveCommune(String text) {
        if (Text.isBlank(text)) {
            commune.set(null);
            issues(COMMUNE).set(List.of());
            return;
        }
        Commune found = commune.get() != null && commune.get().label().equals(text) ? commune.get()
                : communeLookup.apply(text);
        commune.set(found);
        issues(COMMUNE).set(found == null ? List.of(Issue.error("validation.commune.unknown")) : List.of());
        if (found != null && Text.isBlank(postcode.get()) && !found.postcodes().isEmpty()
                && !found.postcodes().contains(",")) {
            postcode.set(found.postcodes());
        }
    }

    public void clear() {
        loading = true;
        original.set(null);
        kind.set(OrganisationKind.COMPANY);
        legalName.set("");
        siret.set("");
        siren.set("");
        naf.set("");
        sizeBand.set(null);
        address.set("");
        postcode.set("");
        commune.set(null);
        communeText.set("");
        inQpv.set(false);
        paqteMember.set(false);
        networks.set("");
        notes.set("");
        issues.values().forEach(p -> p.set(List.of()));
        loading = false;
        dirty.set(false);
    }

    public void load(Organisation o, Commune c) {
        clear();
        loading = true;
        original.set(o);
        kind.set(o.kind());
        legalName.set(o.legalName());
        siret.set(o.siret());
        siren.set(o.siren());
        naf.set(o.nafCode());
        sizeBand.set(o.sizeBand());
        address.set(o.addressLine());
        postcode.set(o.postcode());
        commune.set(c);
        communeText.set(c == null ? o.communeCode() : c.label());
        inQpv.set(o.inQpv());
        paqteMember.set(o.paqteMember());
        networks.set(String.join(", ", o.networks()));
        notes.set(o.notes());
        loading = false;
        dirty.set(false);
    }

    /** The record to save: the original's identity and version, the form's values. */
    public Organisation toOrganisation() {
        RecordMeta meta = original.get() == null ? RecordMeta.fresh() : original.get().meta();
        var networkSet = Arrays.stream(networks.get().split("[,;]")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new Organisation(meta, kind.get(), legalName.get(), siren.get(), siret.get(), naf.get(),
                sizeBand.get(), address.get(), postcode.get(), commune.get() == null ? "" : commune.get().code(),
                inQpv.get(), paqteMember.get(), networkSet, notes.get());
    }

    /** Shows the store's refusals at their fields (they may come from rules the form does not know). */
    /** Shows the issues next to the fields the form has; returns those of the other fields. */
    public Map<String, List<Issue>> showIssues(Map<String, List<Issue>> found) {
        Map<String, List<Issue>> rest = new java.util.LinkedHashMap<>();
        found.forEach((field, list) -> {
            var property = issues.get(field);
            if (property != null) {
                property.set(list);
            } else {
                rest.put(field, list);
            }
        });
        return rest;
    }

    /** Runs every rule once more (also on untouched fields); true when the form can be saved. */
    public boolean validateAll() {
        issues(OrganisationRules.LEGAL_NAME).set(OrganisationRules.checkLegalName(legalName.get()));
        recheckIdentifiers();
        issues(OrganisationRules.NAF).set(NafCode.check(naf.get()));
        issues(OrganisationRules.POSTCODE).set(ContactRules.checkPostcode(postcode.get()));
        resolveCommune(communeText.get());
        return !hasErrors.get();
    }

    /** The first field (in form order) that has an error, to put the focus there. */
    public String firstErrorField() {
        return issues.entrySet().stream().filter(e -> Issue.anyError(e.getValue().get())).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    public ObjectProperty<List<Issue>> issues(String field) {
        return issues.get(field);
    }

    public boolean isNew() {
        return original.get() == null;
    }

    public ObjectProperty<Organisation> originalProperty() {
        return original;
    }

    public ObjectProperty<OrganisationKind> kindProperty() {
        return kind;
    }

    public StringProperty legalNameProperty() {
        return legalName;
    }

    public StringProperty siretProperty() {
        return siret;
    }

    public StringProperty sirenProperty() {
        return siren;
    }

    public StringProperty nafProperty() {
        return naf;
    }

    public ObjectProperty<SizeBand> sizeBandProperty() {
        return sizeBand;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty postcodeProperty() {
        return postcode;
    }

    public StringProperty communeTextProperty() {
        return communeText;
    }

    public ObjectProperty<Commune> communeProperty() {
        return commune;
    }

    public BooleanProperty inQpvProperty() {
        return inQpv;
    }

    public BooleanProperty paqteMemberProperty() {
        return paqteMember;
    }

    public StringProperty networksProperty() {
        return networks;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public BooleanBinding hasErrorsBinding() {
        return hasErrors;
    }
}
