package org.psip.routes;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerRequestTest {

    @Test
    void query_values_are_form_encoded() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("to", "+4420 7946");
        parameters.put("SipHeader_X-Data", "a&b=c/é");

        assertThat(AnswerRequest.query(parameters)).isEqualTo("to=%2B4420+7946&SipHeader_X-Data=a%26b%3Dc%2F%C3%A9");
    }

    @Test
    void the_user_part_of_a_sip_uri_is_found() {
        assertThat(AnswerRequest.userOf("sip:447700900000@pbx.example.com;transport=tcp")).isEqualTo("447700900000");
        assertThat(AnswerRequest.userOf("sip:pbx.example.com")).isNull();
    }
}
