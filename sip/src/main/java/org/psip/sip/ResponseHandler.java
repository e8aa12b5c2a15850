package org.psip.sip;

import javax.sip.message.Response;

/** What a client transaction of ours waits for; set as the transaction's application data. */
interface ResponseHandler {

    void onResponse(Response response);

    /** No response came in time (Timer B/F) or the transport failed: treated as 408 (RFC 3261 8.1.3.1). */
    void onNoResponse(int code, String reason);
}
