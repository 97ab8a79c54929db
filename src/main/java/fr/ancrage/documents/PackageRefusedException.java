package fr.ancrage.documents;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A package that {@link PackageArchive} would not read, and why: a key of the application's bundle
 * ({@code package.refused.…}) and its arguments, the first always the package's file name, the others
 * where the fault is (an entry's name, a line and column) and the sizes at stake. The documents know no
 * texts: the service passes both on as a {@code RuleViolationException(messageKey(), args().toArray())},
 * which the interface turns into the French sentence.
 */
public final class PackageRefusedException extends Exception {

    private final String messageKey;
    private final transient List<Object> args;

    public PackageRefusedException(String messageKey, Object... args) {
        super(messageKey + " " + Arrays.toString(args));
        this.messageKey = Objects.requireNonNull(messageKey, "messageKey");
        this.args = Collections.unmodifiableList(Arrays.asList(args.clone()));
    }

    public String messageKey() {
        return messageKey;
    }

    /** The arguments of the message: the package's file name, then the details of the key. */
    public List<Object> args() {
        return args;
    }
}
