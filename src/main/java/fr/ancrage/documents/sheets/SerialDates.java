package fr.ancrage.documents.sheets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A spreadsheet's date serial number (days since 30 December 1899, Excel's and LibreOffice's
 * count; since 1 January 1904 in a workbook so marked) as a date and time, to the second.
 */
public final class SerialDates {

    private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
    private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);
    /** 1 January 1900 to 31 December 9999: past that, not a date. */
    private static final BigDecimal MIN = BigDecimal.ONE;
    private static final BigDecimal MAX = new BigDecimal("2958465");

    private SerialDates() {
    }

    /** The date and time of {@code serial}, or null outside the years a spreadsheet shows. */
    public static LocalDateTime toDateTime(BigDecimal serial, boolean from1904) {
        if (serial.compareTo(MIN) < 0 || serial.compareTo(MAX) > 0) {
            return null;
        }
        long days = serial.setScale(0, RoundingMode.FLOOR).longValueExact();
        long seconds = serial.subtract(BigDecimal.valueOf(days)).multiply(BigDecimal.valueOf(86_400))
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
        return (from1904 ? EPOCH_1904 : EPOCH_1900).plusDays(days).atStartOfDay().plusSeconds(seconds);
    }
}
