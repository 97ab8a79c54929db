package fr.ancrage.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IssueTest {

    @Test
    void factoriesSetSeverityKeyAndArguments() {
        Issue error = Issue.error("validation.siret.length", 12);
        assertThat(error.severity()).isEqualTo(Issue.Severity.ERROR);
        assertThat(error.isError()).isTrue();
        assertThat(error.messageKey()).isEqualTo("validation.siret.length");
        assertThat(error.args()).containsExactly(12);

        Issue warning = Issue.warning("validation.siret.suspicious");
        assertThat(warning.severity()).isEqualTo(Issue.Severity.WARNING);
        assertThat(warning.isError()).isFalse();
        assertThat(warning.args()).isEmpty();
    }

    @Test
    void argumentsAreCopiedAndImmutable() {
        List<Object> args = new ArrayList<>(List.of("a"));
        Issue issue = new Issue(Issue.Severity.ERROR, "k", args);
        args.add("b");
        assertThat(issue.args()).containsExactly("a");
        assertThatThrownBy(() -> issue.args().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullArgumentsAreKept() {
        assertThat(Issue.error("k", (Object) null).args()).containsExactly((Object) null);
        assertThat(new Issue(Issue.Severity.WARNING, "k", null).args()).isEmpty();
    }

    @Test
    void equalIssuesAreEqual() {
        assertThat(Issue.error("k", 1, "x")).isEqualTo(Issue.error("k", 1, "x"));
        assertThat(Issue.error("k")).isNotEqualTo(Issue.warning("k"));
    }

    @Test
    void anyErrorIgnoresWarnings() {
        assertThat(Issue.anyError(List.of(Issue.warning("w")))).isFalse();
        assertThat(Issue.anyError(List.of(Issue.warning("w"), Issue.error("e")))).isTrue();
        assertThat(Issue.anyError(List.of())).isFalse();
    }
}
