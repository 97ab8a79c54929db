package fr.ancrage.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"prenom.nom@doubs.gouv.fr", "contact@grandbesancon.fr", " a.b-c_d+tag@sub.example.org ",
        "jean.o'neil@example.com", "élodie.dupré@exemple.fr", "x@cu-dunkerque.fr"})
    void acceptsEmails(String email) {
        assertThat(ContactRules.checkEmail(email)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"prenom.nom", "@doubs.gouv.fr", "prenom@", "prenom@doubs", "prenom nom@doubs.fr",
        "a@@b.fr", "a@b.f", ".a@b.fr", "a.@b.fr", "a..b@c.fr", "a@-b.fr", "a@b-.fr", "a@b..fr", "a@b.fr.",
        "a@b,fr"})
    void rejectsMalformedEmails(String email) {
        assertThat(ContactRules.checkEmail(email)).containsExactly(Issue.error("validation.email.format"));
    }

    @Test
    void rejectsOverlongEmails() {
        String email = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".fr";
        assertThat(ContactRules.checkEmail(email)).containsExactly(Issue.error("validation.email.format"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void emptyContactFieldsAreFine(String value) {
        assertThat(ContactRules.checkEmail(value)).isEmpty();
        assertThat(ContactRules.checkPhone(value)).isEmpty();
        assertThat(ContactRules.checkPostcode(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0381251000", "03 81 25 10 00", "03.81.25.10.00", "03-81-25-10-00", "06\u00A012 34 56 78",
        "+33381251000", "+33 3 81 25 10 00", "+33 (0)3 81 25 10 00", "0033 3 81 25 10 00", "0262 12 34 56",
        "+41 22 123 45 67", "+1 202 555 0143", "+262 262 12 34 56", "+4915112345678"})
    void acceptsPhones(String phone) {
        assertThat(ContactRules.checkPhone(phone)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"381251000", "038125100", "03812510000", "0081251000x", "00 00 25 10 00",
        "+33 03 81 25 10 00", "+33 38125100", "+3338125100000", "+0 123 456 789", "+1234567", "+1234567890123456",
        "03 81 25 10 0O", "tél. 03 81 25 10 00"})
    void rejectsMalformedPhones(String phone) {
        assertThat(ContactRules.checkPhone(phone)).containsExactly(Issue.error("validation.phone.format"));
    }

    @ParameterizedTest
    @CsvSource({"0381251000, 03 81 25 10 00", "03.81.25.10.00, 03 81 25 10 00", "+33381251000, 03 81 25 10 00",
        "'+33 (0)6 12 34 56 78', 06 12 34 56 78", "0033612345678, 06 12 34 56 78",
        "' +41 22 123 45 67 ', +41 22 123 45 67", "'not a phone', not a phone", "'', ''"})
    void formatsFrenchPhonesByPairs(String input, String expected) {
        assertThat(ContactRules.formatPhone(input)).isEqualTo(expected);
    }

    @Test
    void formatPhoneOfNullIsEmpty() {
        assertThat(ContactRules.formatPhone(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"25000", "59140", "97110", " 20000 ", "01000"})
    void acceptsPostcodes(String postcode) {
        assertThat(ContactRules.checkPostcode(postcode)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2500", "250000", "25 000", "2A004", "F-25000"})
    void rejectsMalformedPostcodes(String postcode) {
        assertThat(ContactRules.checkPostcode(postcode)).containsExactly(Issue.error("validation.postcode.format"));
    }
}
