package fr.ancrage.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import fr.ancrage.domain.GeographyVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class QpvCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"QP059001", "QP025004", "QP02A001", "QP02B002", "QP971001", "QP976010",
        "QP095003", "QP001001"})
    void accepts2015Codes(String code) {
        assertThat(QpvCode.check(code)).isEmpty();
        assertThat(QpvCode.versionOf(code)).contains(GeographyVersion.QPV_2015);
    }

    @ParameterizedTest
    @ValueSource(strings = {"QN07501M", "QN97101A", "QN05901I", "QN02A001", "QN025123"})
    void accepts2024Codes(String code) {
        assertThat(QpvCode.check(code)).isEmpty();
        assertThat(QpvCode.versionOf(code)).contains(GeographyVersion.QPV_2024);
    }

    @Test
    void normalizesCaseAndBlanks() {
        assertThat(QpvCode.normalize(" qp02a001 ")).isEqualTo("QP02A001");
        assertThat(QpvCode.normalize("QN 075 01m")).isEqualTo("QN07501M");
        assertThat(QpvCode.normalize(null)).isEmpty();
        assertThat(QpvCode.check("qn07501m")).isEmpty();
        assertThat(QpvCode.versionOf(" qp059001")).contains(GeographyVersion.QPV_2015);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void emptyIsFine(String code) {
        assertThat(QpvCode.check(code)).isEmpty();
        assertThat(QpvCode.versionOf(code)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"QP05900, 7", "QP0590011, 9", "QP, 2", "QP-059-001, 10"})
    void wrongLengthGivesTheActualLength(String code, int length) {
        assertThat(QpvCode.check(code)).containsExactly(Issue.error("validation.qpv.length", length));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "QP2B0001", // department without its leading 0: the valid form is QP02B001
        "QP02C001", // only 2A and 2B exist in Corsica
        "QP020001", // department 20 was split into 2A and 2B
        "QP000001", "QP096001", "QP960001", // no such department
        "QP05900A", // the 2015 geography numbers with digits only
        "QX059001", "QN05901-", "12345678", "QPQP0590"})
    void malformedCodesAreRejected(String code) {
        assertThat(QpvCode.check(code)).containsExactly(Issue.error("validation.qpv.format"));
        assertThat(QpvCode.versionOf(code)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"QP059001, 59", "QP02A001, 2A", "qp02b002, 2B", "QP971001, 971", "QN07501M, 75",
        "QN97101A, 971", "QP001001, 01"})
    void departmentCodeDropsThePadding(String code, String department) {
        assertThat(QpvCode.departmentCodeOf(code)).isEqualTo(department);
    }

    @Test
    void departmentOfMalformedCodeIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> QpvCode.departmentCodeOf("QP2B0001"));
        assertThatIllegalArgumentException().isThrownBy(() -> QpvCode.departmentCodeOf(null));
    }

    @Test
    void geographyVersionsByYear() {
        assertThat(GeographyVersion.ofYear("2015")).isEqualTo(GeographyVersion.QPV_2015);
        assertThat(GeographyVersion.ofYear(" 2024 ")).isEqualTo(GeographyVersion.QPV_2024);
        assertThat(GeographyVersion.QPV_2024.year()).isEqualTo("2024");
        assertThatIllegalArgumentException().isThrownBy(() -> GeographyVersion.ofYear("2014"));
        assertThatIllegalArgumentException().isThrownBy(() -> GeographyVersion.ofYear(null));
    }
}
