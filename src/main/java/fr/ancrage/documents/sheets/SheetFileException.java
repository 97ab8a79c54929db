package fr.ancrage.documents.sheets;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A spreadsheet file that cannot be read, and why: a key of the application's bundle
 * ({@code sheet.refused.…}) and its arguments, the first always the file's name, the others where
 * the fault is (a sheet, a row as the spreadsheet program numbers it, a column letter) and the
 * sizes at stake. As {@code PackageRefusedException}: the documents know no texts, the service turns
 * this into a {@code RuleViolationException}.
 */
public final class SheetFileException extends Exception {

    private final String messageKey;
    private final transient List<Object> args;

    public SheetFileException(String messageKey, Object... args) {
        super(messageKey + " " + Arrays.toString(args));
        this.messageKey = Objects.requireNonNull(messageKey, "messageKey");
        this.args = Collections.unmodifiableList(Arrays.asList(args.clone()));
    }

    public String messageKey() {
        return messageKey;
    }

    /** The arguments of the message: the file's name, then the details of the key. */
    public List<Object> args() {
        return args;
    }
}
