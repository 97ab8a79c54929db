package fr.ancrage.domain;

import java.util.List;

/** An operation refused by a business rule; the message key and arguments go to the bundle. */
public final class RuleViolationException extends RuntimeException {

    private final String messageKey;
    private final transient List<Object> args;

    public RuleViolationException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> args() {
        return args;
    }
}
