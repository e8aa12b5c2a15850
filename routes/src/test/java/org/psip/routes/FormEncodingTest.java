package org.psip.routes;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormEncodingTest {

    @Test
    void query_values_are_form_encoded() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("to", "+4420 7946");
        parameters.put("SipHeader_X-Data", "a&b=c/é");
        parameters.put("sip_code", 480);

        assertThat(FormEncoding.encode(parameters))
                .isEqualTo("to=%2B4420+7946&SipHeader_X-Data=a%26b%3Dc%2F%C3%A9&sip_code=480");
    }

    @Test
    void parameters_without_a_value_are_left_out() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("detail", null);
        parameters.put("status", "failed");

        assertThat(FormEncoding.encode(parameters)).isEqualTo("status=failed");
    }
}
