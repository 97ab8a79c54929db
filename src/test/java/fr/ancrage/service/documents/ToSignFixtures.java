package fr.ancrage.service.documents;

import fr.ancrage.i18n.I18n;
import fr.ancrage.service.ConventionService;

import java.util.Comparator;
import java.util.stream.Stream;

/** The demo's conventions whose convention to sign can be produced, for the tests of the documents. */
final class ToSignFixtures {

    private ToSignFixtures() {
    }

    /** Every convention the template can be filled for, as the document service reads it. */
    static Stream<ConventionToSign.Data> producible(DocumentService documents, ConventionService conventions) {
        ConventionToSign sign = new ConventionToSign(I18n.forLanguage("fr"));
        return conventions.list().stream().map(c -> documents.toSignData(c.id()))
                .filter(d -> documents.toSignProblems(sign, documents.conventionTemplate(), d).isEmpty());
    }

    /** The one with the most signatories. */
    static ConventionToSign.Data mostSignatories(DocumentService documents, ConventionService conventions) {
        return producible(documents, conventions)
                .max(Comparator.comparingInt(d -> d.convention().signatories().size())).orElseThrow();
    }
}
