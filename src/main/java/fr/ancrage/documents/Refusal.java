package fr.ancrage.documents;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A file from outside that is not read, and why: a key of the application's bundle and its
 * arguments, the first always the file's name, the others where the fault is and the sizes at
 * stake. The documents know no texts: the service passes both on as a {@code RuleViolationException},
 * which the interface turns into the French sentence.
 */
public abstract class Refusal extends Exception {

    private final String messageKey;
    private final transient List<Object> args;

    protected Refusal(String messageKey, Object... args) {
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
