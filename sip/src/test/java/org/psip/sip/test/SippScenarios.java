package org.psip.sip.test;

/**
 * SIPp scenarios built for a test: callers into psip (keys [service] and [domain]) and
 * callees it calls. SIPp's [authentication] keyword answers the 401 challenge with the
 * credentials given by -au and -ap.
 */
public final class SippScenarios {

    private SippScenarios() {
    }

    /**
     * INVITE sip:[service]@[domain] carrying the given extra headers; expects 401, ACKs it,
     * re-sends the INVITE with credentials and expects finalCode, which it ACKs.
     */
    public static String authenticatedCall(int finalCode, String extraHeaders) {
        return authenticatedCall(finalCode, null, extraHeaders);
    }

    /**
     * As {@link #authenticatedCall(int, String)}, and the final response's Reason header must
     * match reasonRegexp (a POSIX extended regular expression), or the call fails.
     */
    public static String authenticatedCall(int finalCode, String reasonRegexp, String extraHeaders) {
        return scenario("authenticated call answered " + finalCode,
                invite("1", "[branch]", extraHeaders, "")
                + "  <recv response=\"100\" optional=\"true\"/>\n"
                + "  <recv response=\"401\" auth=\"true\"/>\n"
                + ack("1", "[branch-3]")
                + invite("2", "[branch]", extraHeaders, "[authentication]\n")
                + "  <recv response=\"100\" optional=\"true\"/>\n"
                + "  <recv response=\"180\" optional=\"true\"/>\n"
                + "  <recv response=\"183\" optional=\"true\"/>\n"
                + finalResponse(finalCode, reasonRegexp)
                + ack("2", "[branch-3]"));
    }

    /** As {@link #authenticatedCall(int, String)} answered 200, then the caller hangs up with BYE. */
    public static String authenticatedCallHangingUp() {
        return authenticatedCall(200, "").replace("</scenario>",
                "  <pause milliseconds=\"200\"/>\n"
                + "  <send retrans=\"500\">\n    <![CDATA[\n"
                + "BYE sip:[service]@[domain] SIP/2.0\n"
                + "Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]\n"
                + "From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]\n"
                + "[last_To:]\n"
                + "Call-ID: [call_id]\n"
                + "CSeq: 3 BYE\n"
                + "Max-Forwards: 70\n"
                + "Content-Length: 0\n"
                + "    ]]>\n  </send>\n"
                + "  <recv response=\"200\"/>\n"
                + "</scenario>");
    }

    /** INVITE sip:[service]@[domain] without credentials; expects finalCode (after any ringing) and ACKs it. */
    public static String call(int finalCode, String extraHeaders) {
        return scenario("call answered " + finalCode,
                invite("1", "[branch]", extraHeaders, "")
                + "  <recv response=\"100\" optional=\"true\"/>\n"
                + "  <recv response=\"180\" optional=\"true\"/>\n"
                + "  <recv response=\"183\" optional=\"true\"/>\n"
                + "  <recv response=\"" + finalCode + "\"/>\n"
                + ack("1", "[branch-3]"));
    }

    /** A callee that answers every INVITE with a failure code at once and takes the ACK. */
    public static String calleeAnswering(int failureCode) {
        return scenario("callee answering " + failureCode,
                "  <recv request=\"INVITE\"/>\n"
                + "  <send>\n    <![CDATA[\n"
                + "SIP/2.0 " + failureCode + " Failed\n"
                + "[last_Via:]\n"
                + "[last_From:]\n"
                + "[last_To:];tag=[pid]SIPpTag01[call_number]\n"
                + "[last_Call-ID:]\n"
                + "[last_CSeq:]\n"
                + "Content-Length: 0\n"
                + "    ]]>\n  </send>\n"
                + "  <recv request=\"ACK\"/>\n");
    }

    /**
     * A callee that rings, answers 100 ms later (a 200 sent right behind the 180 may be taken
     * first by another of the gateway's receiving threads over UDP, and the 180 is then dropped
     * as late), takes the ACK, and answers the caller's BYE.
     */
    public static String calleeRingingThenAnswering() {
        String dialog = "[last_Via:]\n"
                + "[last_From:]\n"
                + "[last_To:];tag=[pid]SIPpTag01[call_number]\n"
                + "[last_Call-ID:]\n"
                + "[last_CSeq:]\n";
        return scenario("callee ringing, then answering",
                "  <recv request=\"INVITE\"/>\n"
                + "  <send>\n    <![CDATA[\nSIP/2.0 180 Ringing\n" + dialog
                + "Contact: <sip:[local_ip]:[local_port];transport=[transport]>\n"
                + "Content-Length: 0\n    ]]>\n  </send>\n"
                + "  <pause milliseconds=\"100\"/>\n"
                + "  <send retrans=\"500\">\n    <![CDATA[\nSIP/2.0 200 OK\n" + dialog
                + "Contact: <sip:[local_ip]:[local_port];transport=[transport]>\n"
                + "Content-Type: application/sdp\n"
                + "Content-Length: [len]\n\n"
                + "v=0\n"
                + "o=callee 1 1 IN IP[local_ip_type] [local_ip]\n"
                + "s=-\n"
                + "c=IN IP[media_ip_type] [media_ip]\n"
                + "t=0 0\n"
                + "m=audio [media_port] RTP/AVP 0\n"
                + "a=rtpmap:0 PCMU/8000\n"
                + "    ]]>\n  </send>\n"
                + "  <recv request=\"ACK\"/>\n"
                + "  <recv request=\"BYE\"/>\n"
                + "  <send>\n    <![CDATA[\nSIP/2.0 200 OK\n" + dialog
                + "Content-Length: 0\n    ]]>\n  </send>\n");
    }

    private static String finalResponse(int code, String reasonRegexp) {
        if (reasonRegexp == null) {
            return "  <recv response=\"" + code + "\"/>\n";
        }
        return "  <recv response=\"" + code + "\">\n    <action>\n"
                + "      <ereg regexp=\"" + xmlAttribute(reasonRegexp) + "\" search_in=\"hdr\" header=\"Reason:\""
                + " check_it=\"true\" assign_to=\"reason\"/>\n"
                + "    </action>\n  </recv>\n"
                // SIPp refuses a scenario that assigns a variable nobody reads
                + "  <Reference variables=\"reason\"/>\n";
    }

    private static String xmlAttribute(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    private static String scenario(String name, String body) {
        return "<?xml version=\"1.0\" encoding=\"ISO-8859-1\" ?>\n"
                + "<!DOCTYPE scenario SYSTEM \"sipp.dtd\">\n"
                + "<scenario name=\"" + name + "\">\n" + body + "</scenario>\n";
    }

    private static String invite(String cseq, String branch, String extraHeaders, String authorization) {
        return "  <send retrans=\"500\">\n    <![CDATA[\n"
                + "INVITE sip:[service]@[domain] SIP/2.0\n"
                + "Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=" + branch + "\n"
                + "From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]\n"
                + "To: <sip:[service]@[domain]>\n"
                + "Call-ID: [call_id]\n"
                + "CSeq: " + cseq + " INVITE\n"
                + "Contact: sip:sipp@[local_ip]:[local_port]\n"
                + "Max-Forwards: 70\n"
                + authorization
                + extraHeaders
                + "Content-Type: application/sdp\n"
                + "Content-Length: [len]\n\n"
                + "v=0\n"
                + "o=user1 53655765 2353687637 IN IP[local_ip_type] [local_ip]\n"
                + "s=-\n"
                + "c=IN IP[media_ip_type] [media_ip]\n"
                + "t=0 0\n"
                + "m=audio [media_port] RTP/AVP 0\n"
                + "a=rtpmap:0 PCMU/8000\n"
                + "    ]]>\n  </send>\n";
    }

    private static String ack(String cseq, String branch) {
        return "  <send>\n    <![CDATA[\n"
                + "ACK sip:[service]@[domain] SIP/2.0\n"
                + "Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=" + branch + "\n"
                + "From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]\n"
                + "[last_To:]\n"
                + "Call-ID: [call_id]\n"
                + "CSeq: " + cseq + " ACK\n"
                + "Max-Forwards: 70\n"
                + "Content-Length: 0\n"
                + "    ]]>\n  </send>\n";
    }
}
