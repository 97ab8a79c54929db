package fr.ancrage.documents.sheets;

import fr.ancrage.documents.Refusal;

/**
 * A spreadsheet file that cannot be read, and why ({@code sheet.refused.…}): the file's name
 * first, then where the fault is (a sheet, a row as the spreadsheet program numbers it, a column
 * letter) and the sizes at stake.
 */
public final class SheetFileException extends Refusal {

    public SheetFileException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
