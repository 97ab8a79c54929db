package fr.ancrage.documents.sheets;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates, amounts and codes read the way French teams type them, and nothing else taken for one. */
class CellValuesTest {

    @Test
    void theUsualWritingsOfADateAreDatesAndTheOthersAreNot() {
        assertThat(CellValues.date(Cell.text("17/03/2025"))).contains(LocalDate.of(2025, 3, 17));
        assertThat(CellValues.date(Cell.text("7/3/2025"))).contains(LocalDate.of(2025, 3, 7));
        assertThat(CellValues.date(Cell.text("17/03/25"))).contains(LocalDate.of(2025, 3, 17));
        assertThat(CellValues.date(Cell.text("17/03/86"))).contains(LocalDate.of(1986, 3, 17));
        assertThat(CellValues.date(Cell.text("2025-03-17"))).contains(LocalDate.of(2025, 3, 17));
        assertThat(CellValues.date(Cell.text(" 17.03.2025 "))).contains(LocalDate.of(2025, 3, 17));
        assertThat(CellValues.date(Cell.text("17/03/2025 00:00:00"))).contains(LocalDate.of(2025, 3, 17));
        assertThat(CellValues.date(Cell.text("45733"))).contains(LocalDate.of(2025, 3, 17));
        assertThat(CellValues.date(Cell.number(new BigDecimal("45733")))).contains(LocalDate.of(2025, 3, 17));
        assertThat(CellValues.date(Cell.text("31/02/2025"))).isEmpty();
        assertThat(CellValues.date(Cell.text("mars 2025"))).isEmpty();
        assertThat(CellValues.date(Cell.text("=TODAY()"))).isEmpty();
        assertThat(CellValues.date(Cell.number(new BigDecimal("12")))).isEmpty();
        assertThat(CellValues.date(Cell.EMPTY)).isEmpty();
    }

    @Test
    void amountsAsFrenchTeamsTypeThem() {
        assertThat(CellValues.amount(Cell.text("12 500,50"))).contains(new BigDecimal("12500.50"));
        assertThat(CellValues.amount(Cell.text("12\u00A0500,50 €"))).contains(new BigDecimal("12500.50"));
        assertThat(CellValues.amount(Cell.text("12 500 €"))).contains(new BigDecimal("12500"));
        assertThat(CellValues.amount(Cell.text("12500.5"))).contains(new BigDecimal("12500.5"));
        assertThat(CellValues.amount(Cell.text("12.500,50"))).contains(new BigDecimal("12500.50"));
        assertThat(CellValues.amount(Cell.text("12,500.50"))).contains(new BigDecimal("12500.50"));
        assertThat(CellValues.amount(Cell.text("-3,5"))).contains(new BigDecimal("-3.5"));
        assertThat(CellValues.amount(Cell.text("1+1"))).isEmpty();
        assertThat(CellValues.amount(Cell.text("=1+1"))).isEmpty();
        assertThat(CellValues.amount(Cell.text("douze"))).isEmpty();
        assertThat(CellValues.amount(Cell.text("12,5,3"))).isEmpty();
    }

    @Test
    void codesKeepTheirLeadingZerosAsTextAndGetThemBackAsNumbers() {
        assertThat(CellValues.code(Cell.text("01053"), 5)).isEqualTo("01053");
        assertThat(CellValues.code(Cell.number(new BigDecimal("1053")), 5)).isEqualTo("01053");
        assertThat(CellValues.code(Cell.text("1053"), 5)).isEqualTo("01053");
        assertThat(CellValues.code(Cell.text("123 456 789 00012"), 14)).isEqualTo("12345678900012");
        assertThat(CellValues.code(Cell.text("2A004"), 5)).isEqualTo("2A004");
        assertThat(CellValues.code(Cell.text("1,23457E+13"), 14)).isEqualTo("1,23457E+13");
        assertThat(CellValues.code(Cell.EMPTY, 14)).isEmpty();
        // shorter by more than two zeros: typed wrong, left as typed for the SIRET check to refuse
        assertThat(CellValues.code(Cell.text("123"), 14)).isEqualTo("123");
        assertThat(CellValues.code(Cell.number(new BigDecimal("123")), 14)).isEqualTo("123");
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.bigDecimals().between(new BigDecimal("-9999999999.99"), new BigDecimal("9999999999.99"))
                .ofScale(2);
    }

    @Property(tries = 500)
    void anAmountWrittenTheFrenchWayReadsBack(@ForAll("amounts") BigDecimal amount, @ForAll boolean euro,
                                              @ForAll boolean nonBreaking) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.FRANCE);
        symbols.setGroupingSeparator(nonBreaking ? '\u00A0' : ' ');
        symbols.setDecimalSeparator(',');
        DecimalFormat f = new DecimalFormat("#,##0.00", symbols);
        String text = f.format(amount) + (euro ? " €" : "");
        assertThat(CellValues.amount(Cell.text(text))).as(text).hasValueSatisfying(v -> assertThat(v)
                .isEqualByComparingTo(amount));
        String plain = amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
        assertThat(CellValues.amount(Cell.text(plain))).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(amount));
    }

    @Property(tries = 500)
    void aDateWrittenInAnyUsualWayReadsBack(@ForAll @IntRange(min = 1950, max = 2099) int year,
                                           @ForAll @IntRange(min = 1, max = 365) int day) {
        LocalDate date = LocalDate.ofYearDay(year, day);
        for (String pattern : new String[]{"dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd.MM.yyyy"}) {
            String text = date.format(DateTimeFormatter.ofPattern(pattern));
            assertThat(CellValues.date(Cell.text(text))).as(text).contains(date);
        }
    }

    @Property(tries = 500)
    void aCodeThatLostItsLeadingZerosAsANumberGetsThemBack(@ForAll @LongRange(min = 100_000_000_000L, max = 99_999_999_999_999L) long n) {
        String fourteen = String.format("%014d", n);
        assertThat(CellValues.code(Cell.number(BigDecimal.valueOf(n)), 14)).isEqualTo(fourteen);
        assertThat(CellValues.code(Cell.text(fourteen), 14)).isEqualTo(fourteen);
    }
}
