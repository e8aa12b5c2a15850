package org.psip.routes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerRequestTest {

    @Test
    void the_user_part_of_a_sip_uri_is_found() {
        assertThat(AnswerRequest.userOf("sip:447700900000@pbx.example.com;transport=tcp")).isEqualTo("447700900000");
        assertThat(AnswerRequest.userOf("sip:pbx.example.com")).isNull();
    }
}
