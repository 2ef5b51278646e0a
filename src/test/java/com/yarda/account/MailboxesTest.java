package com.yarda.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MailboxesTest {

    @ParameterizedTest
    @CsvSource({
        "ann@example.com, ann@example.com",
        "Ann@Example.COM, ann@example.com",
        "'  ann@example.com ', ann@example.com",
        "ann+garden@example.com, ann@example.com",
        "ann+a+b@example.com, ann@example.com",
        "+tag@example.com, @example.com",
        "a.n.n@example.com, a.n.n@example.com",
        "a.n.n@gmail.com, ann@gmail.com",
        "A.N.N+Yard@GMail.com, ann@gmail.com",
        "ann@googlemail.com, ann@gmail.com",
        "a.nn+x@googlemail.com, ann@gmail.com",
        "a.n.n@sub.gmail.com, a.n.n@sub.gmail.com",
        "a.n.n@gmail.co, a.n.n@gmail.co",
    })
    void theMailboxIsTheAddressWithoutWhatItsProviderIgnores(String email, String mailbox) {
        assertThat(Mailboxes.canonical(email)).isEqualTo(mailbox);
    }

    @Test
    void addressesOfOneMailboxHaveOneClaimAndOthersAnother() {
        assertThat(Mailboxes.claimHash("J.Doe+1@gmail.com"))
                .hasSize(32)
                .isEqualTo(Mailboxes.claimHash("jdoe@googlemail.com"))
                .isNotEqualTo(Mailboxes.claimHash("jdoe@example.com"));
    }
}
