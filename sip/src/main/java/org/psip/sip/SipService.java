package org.psip.sip;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import gov.nist.core.CommonLogger;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.header.SIPHeaderList;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.AcceptHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RequireHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import gov.nist.javax.sip.DialogTimeoutEvent;
import gov.nist.javax.sip.SipListenerExt;
import org.psip.sip.logging.Slf4jServerLogger;
import org.psip.sip.logging.Slf4jStackLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JAIN-SIP stack listening on one address, shared by the consumer and the
 * producers of that address. It answers on its own everything a route should never
 * see (retransmissions, CANCEL, OPTIONS, BYE, methods psip does not serve,
 * malformed requests) and hands each new INVITE to the consumer as a
 * {@link SipServerCall}.
 */
public final class SipService implements SipListenerExt {

    /** The methods psip serves, for Allow headers. */
    public static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS";

    private static final Logger LOG = LoggerFactory.getLogger(SipService.class);

    /** Methods RFC 3261 and its extensions define that psip does not serve: 405, not 501. */
    private static final Set<String> KNOWN_UNSERVED_METHODS = Set.of(Request.REGISTER, Request.SUBSCRIBE,
            Request.NOTIFY, Request.MESSAGE, Request.PUBLISH, Request.REFER, Request.PRACK, Request.INFO,
            Request.UPDATE);

    /** What a bridge relays from one leg's dialog to the other's; BYE and CANCEL each side ends itself. */
    private static final Set<String> RELAYED_IN_DIALOG = Set.of(Request.INVITE, Request.ACK, Request.UPDATE,
            Request.INFO);

    static final AddressFactoryImpl ADDRESSES = new AddressFactoryImpl();
    static final HeaderFactoryImpl HEADERS = new HeaderFactoryImpl();
    static final MessageFactoryImpl MESSAGES = new MessageFactoryImpl();
    /** Stateless: JAIN-SIP itself shares one across all its threads. */
    private static final StringMsgParser HEADER_PARSER = new StringMsgParser();

    static {
        // JAIN-SIP logs through one static logger; without ours it reaches for log4j 1.x
        if (CommonLogger.legacyLogger == null) {
            CommonLogger.legacyLogger = new Slf4jStackLogger();
        }
    }

    /** Receives the new INVITEs: the consumer. */
    @FunctionalInterface
    public interface InviteHandler {
        void onInvite(SipServerCall call);
    }

    private final SipConfiguration config;
    private final Set<String> acceptedContentTypes;
    private final String defaultFromUri;
    private SipStackImpl stack;
    private SipProvider provider;
    private final Map<String, ContactHeader> contacts = new java.util.HashMap<>();
    private final InviteHandover handover;
    private final ScheduledThreadPoolExecutor timers = newTimers();
    private final java.util.concurrent.atomic.AtomicInteger bridges = new java.util.concurrent.atomic.AtomicInteger();

    public SipService(SipConfiguration config) {
        this.config = config;
        this.acceptedContentTypes = parseList(config.getAcceptedContentTypes());
        this.defaultFromUri = config.getFromUri() != null ? config.getFromUri()
                : "sip:psip@" + hostPort(config.getHost(), config.getPort());
        this.handover = new InviteHandover(config.address(), timers);
    }

    public SipConfiguration configuration() {
        return config;
    }

    public synchronized void start() throws Exception {
        stack = new SipStackImpl(stackProperties(config));
        Set<String> transports = parseList(config.getTransports());
        for (String transport : transports) {
            ListeningPoint point = stack.createListeningPoint(config.getHost(), config.getPort(), transport);
            if (provider == null) {
                provider = stack.createSipProvider(point);
            } else {
                provider.addListeningPoint(point);
            }
            contacts.put(transport.toUpperCase(Locale.ROOT), contact(transport));
        }
        provider.addSipListener(this);
        stack.start();
        LOG.info("SIP listening on {} over {}", config.address(), transports);
    }

    public synchronized void stop() {
        handover.close();
        timers.shutdownNow();
        if (stack != null) {
            stack.stop();
            stack = null;
            provider = null;
            LOG.info("SIP stopped on {}", config.address());
        }
    }

    /** Sets the one handler of new INVITEs; it also gets those that waited for it (see below). */
    public void setInviteHandler(InviteHandler handler) {
        handover.attach(handler);
    }

    /**
     * The handler leaves (if it still is the handler): the INVITEs that arrive from now on
     * wait up to handoverTimeout for the next one (the route that replaces the one
     * stopping), then get 480.
     */
    public void removeInviteHandler(InviteHandler handler, long handoverTimeout) {
        handover.detach(handler, handoverTimeout);
    }

    public InviteHandler getInviteHandler() {
        return handover.handler();
    }

    /** Server transactions the stack still holds (they end some seconds after the final response). */
    public int activeServerTransactions() {
        SipStackImpl current = stack;
        return current == null ? 0 : current.getServerTransactionTableSize();
    }

    public int activeClientTransactions() {
        SipStackImpl current = stack;
        return current == null ? 0 : current.getClientTransactionTableSize();
    }

    public int activeDialogs() {
        SipStackImpl current = stack;
        return current == null ? 0 : current.getDialogs().size();
    }

    /** Bridged calls not yet ended (ringing or answered). */
    public int activeBridges() {
        return bridges.get();
    }

    /** Ring, route and call-limit timeouts still queued. */
    public int pendingTimers() {
        return timers.getQueue().size();
    }

    void bridgeOpened() {
        bridges.incrementAndGet();
    }

    void bridgeClosed() {
        bridges.decrementAndGet();
    }

    /** The stack's timer thread, for ring and route timeouts. */
    ScheduledExecutorService timers() {
        return timers;
    }

    private ScheduledThreadPoolExecutor newTimers() {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "psip-" + config.address() + "-timers");
            thread.setDaemon(true);
            return thread;
        });
        pool.setRemoveOnCancelPolicy(true); // answered legs must not leave their timeout queued
        return pool;
    }

    static Properties stackProperties(SipConfiguration config) {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "psip-" + config.address());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.TIMER_CLASS_NAME", config.getTimerClass());
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(config.getThreadPoolSize()));
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", Boolean.toString(config.isReentrantListener()));
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(config.getMaxMessageSize()));
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE",
                Integer.toString(config.getReceiveUdpBufferSize()));
        p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", Integer.toString(config.getSendUdpBufferSize()));
        // Responses go back the way the request came, whatever its Via claims: phones and PBXs
        // behind NAT need it, and a spoofed Via must never aim psip's replies at a third host.
        // UDP: received/rport always point at the packet's source, and the valve strips maddr.
        // TCP: the NIO transport answers on the request's own connection (or reconnects to the
        // socket's address); the blocking one would follow the Via's transport and host.
        p.setProperty("gov.nist.javax.sip.ALWAYS_ADD_RPORT", "true");
        p.setProperty("gov.nist.javax.sip.SIP_MESSAGE_VALVE", SymmetricResponseValve.class.getName());
        // JAIN-SIP's NIO transports; UDP received without a 16 KB buffer per datagram
        p.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY", CompactMessageProcessorFactory.class.getName());
        p.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", StrictMessageParserFactory.class.getName());
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        return p;
    }

    // ---------------------------------------------------------------- requests

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod();
        try {
            if (!isSip20(request)) {
                reject(event, Response.VERSION_NOT_SUPPORTED, "only SIP/2.0 is served", null);
                return;
            }
            if (hasToTag(request) && relayedByBridge(event)) {
                return;
            }
            switch (method) {
                case Request.INVITE -> onInvite(event);
                case Request.ACK -> onAck(event);
                case Request.CANCEL -> onCancel(event);
                case Request.BYE -> onBye(event);
                case Request.OPTIONS -> onOptions(event);
                default -> reject(event, KNOWN_UNSERVED_METHODS.contains(method)
                        ? Response.METHOD_NOT_ALLOWED : Response.NOT_IMPLEMENTED, null, null);
            }
        } catch (RuntimeException e) {
            LOG.error("{} {} from {}: not handled", method, request.getRequestURI(), source(request), e);
            reject(event, Response.SERVER_INTERNAL_ERROR, "internal error", null);
        }
    }

    /**
     * A request inside a bridged call's dialog (re-INVITE, UPDATE, INFO, ACK) goes to the bridge,
     * which relays it to the other leg. False for anything else.
     */
    private boolean relayedByBridge(RequestEvent event) {
        Dialog dialog = event.getDialog();
        String method = event.getRequest().getMethod();
        if (dialog == null || !RELAYED_IN_DIALOG.contains(method)) {
            return false;
        }
        Object owner = dialog.getApplicationData();
        SipBridge bridge = bridgeOf(owner);
        if (bridge == null) {
            return false;
        }
        SipBridge.Side from = owner instanceof SipServerCall ? SipBridge.Side.CALLER : SipBridge.Side.CALLEE;
        if (Request.ACK.equals(method)) {
            bridge.onAck(from, event.getRequest());
            return true;
        }
        ServerTransaction transaction = serverTransaction(event);
        if (transaction != null) {
            bridge.relay(from, transaction);
        }
        return true;
    }

    /** The bridge a dialog's call belongs to, or null. */
    private static SipBridge bridgeOf(Object dialogOwner) {
        return dialogOwner instanceof SipServerCall call ? call.bridge()
                : dialogOwner instanceof SipClientCall call ? call.bridge() : null;
    }

    private void onInvite(RequestEvent event) {
        Request request = event.getRequest();
        if (event.getDialog() != null && hasToTag(request)) {
            // a re-INVITE inside a call: bridging them is call control's work, not yet this node's
            reject(event, Response.NOT_ACCEPTABLE_HERE, "re-INVITE not supported", null);
            return;
        }
        if (!isServable(event) || !isOfferAcceptable(event)) {
            return;
        }
        ServerTransaction transaction = serverTransaction(event);
        if (transaction == null) {
            return;
        }
        stripRouteToSelf(request);
        SipServerCall call = new SipServerCall(this, transaction, transaction(transaction));
        transaction.setApplicationData(call);
        Dialog dialog = transaction.getDialog();
        if (dialog != null) {
            dialog.setApplicationData(call);
        }
        // 100 at once, from this thread: it stops the caller's retransmissions, and the stack's own
        // 200 ms Trying timer, racing the route's answer, could otherwise send it after the final response
        call.sendProvisional(Response.TRYING, null, null, null, null);
        handover.offer(call);
    }

    /** RFC 3261 8.2.1 and 8.2.2.3, for every request psip serves: URI scheme and Require. False when refused. */
    private boolean isServable(RequestEvent event) {
        Request request = event.getRequest();
        if (!request.getRequestURI().isSipURI()) {
            reject(event, Response.UNSUPPORTED_URI_SCHEME, "only sip: and sips: URIs are served", null);
            return false;
        }
        List<String> required = values(request, RequireHeader.NAME);
        if (!required.isEmpty()) {
            reject(event, Response.BAD_EXTENSION, "unsupported extension " + String.join(", ", required),
                    Map.of("Unsupported", required));
            return false;
        }
        return true;
    }

    /** RFC 3261 8.2.3 for an INVITE: a body psip can pass on, and SDP acceptable as the answer. */
    private boolean isOfferAcceptable(RequestEvent event) {
        Request request = event.getRequest();
        ContentTypeHeader contentType = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        if (request.getContentLength() != null && request.getContentLength().getContentLength() > 0
                && contentType != null && !acceptedContentTypes.contains(mediaType(contentType))) {
            reject(event, Response.UNSUPPORTED_MEDIA_TYPE, "unsupported body " + mediaType(contentType),
                    Map.of("Accept", String.join(", ", acceptedContentTypes)));
            return false;
        }
        if (request.getHeader(AcceptHeader.NAME) != null && !acceptsSdp(request)) {
            reject(event, Response.NOT_ACCEPTABLE, "answers are application/sdp", null);
            return false;
        }
        return true;
    }

    private void onAck(RequestEvent event) {
        // an ACK to a non-2xx is absorbed by the transaction layer; an ACK to our 2xx confirms the dialog
        if (event.getDialog() == null && LOG.isDebugEnabled()) {
            LOG.debug("ACK with no dialog from {} dropped", source(event.getRequest()));
        }
    }

    private void onCancel(RequestEvent event) {
        ServerTransaction cancelTransaction = serverTransaction(event);
        if (cancelTransaction == null) {
            return;
        }
        SIPServerTransaction invite = cancelTransaction instanceof SIPServerTransaction nist
                ? nist.getCanceledInviteTransaction() : null;
        if (invite == null) {
            send(cancelTransaction, createResponse(event.getRequest(), Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST,
                    null, null, "no such INVITE", null, null, null, null));
            return;
        }
        send(cancelTransaction, createResponse(event.getRequest(), Response.OK, null, null, null, null, null,
                null, null));
        if (invite.getApplicationData() instanceof SipServerCall call && call.cancelByCaller()) {
            LOG.debug("{} cancelled by the caller", call);
        }
    }

    private void onBye(RequestEvent event) {
        Dialog dialog = event.getDialog();
        ServerTransaction transaction = serverTransaction(event);
        if (transaction == null) {
            return;
        }
        if (dialog == null) {
            send(transaction, createResponse(event.getRequest(), Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST,
                    null, null, "no such call", null, null, null, null));
            return;
        }
        send(transaction, createResponse(event.getRequest(), Response.OK, null, null, null, null, null, null,
                null));
        Object owner = dialog.getApplicationData();
        if (owner instanceof SipServerCall call) {
            call.byeFromCaller();
        } else if (owner instanceof SipClientCall call) {
            call.byeFromCallee();
        }
    }

    private void onOptions(RequestEvent event) {
        if (!isServable(event)) {
            return;
        }
        answer(event, createResponse(event.getRequest(), Response.OK, null, null, null,
                Map.of("Allow", ALLOW, "Accept", "application/sdp"), null, null, null));
    }

    /**
     * A final answer to a request the route never sees, with a Reason and a log line.
     *
     * @param extraHeaders headers the answer needs (Unsupported, Accept); Allow is added for 405 and 501
     */
    private void reject(RequestEvent event, int code, String reasonText, Map<String, ?> extraHeaders) {
        Request request = event.getRequest();
        if (Request.ACK.equals(request.getMethod())) {
            return;
        }
        Map<String, ?> extra = code == Response.METHOD_NOT_ALLOWED || code == Response.NOT_IMPLEMENTED
                ? Map.of("Allow", ALLOW) : extraHeaders;
        String text = reasonText != null ? reasonText
                : code == Response.NOT_IMPLEMENTED ? "method " + request.getMethod() + " not implemented"
                : "method " + request.getMethod() + " not served";
        LOG.info("{} {} from {}: {} ({})", request.getMethod(), request.getRequestURI(), source(request), code,
                text);
        answer(event, createResponse(request, code, null, null, text, extra, null, null, null));
    }

    /** Sends on the request's server transaction, so retransmissions are absorbed. */
    private void answer(RequestEvent event, Response response) {
        ServerTransaction transaction = serverTransaction(event);
        if (transaction != null) {
            send(transaction, response);
        }
    }

    /**
     * The request's server transaction, created if need be; null for a retransmission
     * the stack already holds a transaction for (it answers those itself).
     */
    private ServerTransaction serverTransaction(RequestEvent event) {
        ServerTransaction transaction = event.getServerTransaction();
        if (transaction != null) {
            return transaction;
        }
        try {
            return ((SipProvider) event.getSource()).getNewServerTransaction(event.getRequest());
        } catch (TransactionAlreadyExistsException e) {
            LOG.debug("retransmission absorbed: {}", e.getMessage());
            return null;
        } catch (Exception e) {
            // the stack refuses a transaction to a request it cannot key one on: answer without one
            answerWithoutTransaction(event, e);
            return null;
        }
    }

    private void answerWithoutTransaction(RequestEvent event, Exception cause) {
        Request request = event.getRequest();
        LOG.info("{} {} from {}: 400 (no transaction: {})", request.getMethod(), request.getRequestURI(),
                source(request), cause.getMessage());
        try {
            ((SipProvider) event.getSource()).sendResponse(createResponse(request, Response.BAD_REQUEST, null,
                    null, "no transaction: " + cause.getMessage(), null, null, null, null));
        } catch (SipException e) {
            LOG.warn("cannot send 400 for {}: {}", request.getHeader(CallIdHeader.NAME), e.getMessage());
        }
    }

    // ---------------------------------------------------------------- responses

    @Override
    public void processResponse(ResponseEvent event) {
        ClientTransaction transaction = event.getClientTransaction();
        if (transaction == null) {
            // a 2xx retransmission: the dialog re-sends our ACK itself
            LOG.debug("stray response {}", event.getResponse().getStatusCode());
            return;
        }
        if (transaction.getApplicationData() instanceof ResponseHandler handler) {
            handler.onResponse(event.getResponse());
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) {
            LOG.debug("no ACK for the final response of {}", event.getServerTransaction().getRequest()
                    .getHeader(CallIdHeader.NAME));
            return;
        }
        if (event.getClientTransaction().getApplicationData() instanceof ResponseHandler handler) {
            handler.onNoResponse(Response.REQUEST_TIMEOUT, "no response");
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.warn("SIP transport error towards {}:{} over {}", event.getHost(), event.getPort(),
                event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // nothing to release: calls hold no resources outside the stack's own tables
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // as above
    }

    @Override
    public void processDialogTimeout(DialogTimeoutEvent event) {
        Dialog dialog = event.getDialog();
        LOG.info("dialog {} timed out ({}); ending it", dialog.getCallId().getCallId(), event.getReason());
        SipBridge bridge = bridgeOf(dialog.getApplicationData());
        if (bridge != null && !bridge.isEnded()) {
            bridge.hangUp("dialog timed out: " + event.getReason());
            return;
        }
        if (event.getReason() == DialogTimeoutEvent.Reason.AckNotReceived) {
            sendInDialog(dialog, Request.BYE, null, null);
        } else {
            dialog.delete();
        }
    }

    // ---------------------------------------------------------------- outbound

    /**
     * Sends a new INVITE and returns its leg.
     *
     * @param provisionalListener called with each provisional response as it comes; may be null
     * @param beforeSending       called with the leg before the INVITE goes out, so that nothing
     *                            that reacts to a response can miss it; may be null
     */
    public SipClientCall invite(SipInvite invite, Consumer<SipResponse> provisionalListener,
                                Consumer<SipClientCall> beforeSending) throws SipException {
        try {
            URI target = ADDRESSES.createURI(invite.requestUri());
            String transport = transportFor(target);
            FromHeader from = HEADERS.createFromHeader(address(invite.fromUri() != null ? invite.fromUri()
                    : defaultFromUri, invite.fromDisplayName()), newTag());
            ToHeader to = HEADERS.createToHeader(address(invite.toUri() != null ? invite.toUri()
                    : invite.requestUri(), invite.toDisplayName()), null);
            ViaHeader via = HEADERS.createViaHeader(config.getHost(), config.getPort(), transport, null);
            via.setRPort();
            Request request = MESSAGES.createRequest(target, Request.INVITE, provider.getNewCallId(),
                    HEADERS.createCSeqHeader(1L, Request.INVITE), from, to, new ArrayList<>(List.of(via)),
                    HEADERS.createMaxForwardsHeader(invite.maxForwards()));
            request.addHeader((Header) contactFor(transport).clone());
            addHeaders(request, invite.headers());
            setBody(request, invite.body(), invite.contentType());
            ClientTransaction transaction = provider.getNewClientTransaction(request);
            SipClientCall call = new SipClientCall(this, transaction, provisionalListener);
            transaction.setApplicationData(call);
            transaction.getDialog().setApplicationData(call);
            if (beforeSending != null) {
                beforeSending.accept(call);
            }
            transaction.sendRequest();
            scheduleRingTimeout(call, invite.ringTimeoutMillis());
            return call;
        } catch (ParseException | javax.sip.InvalidArgumentException e) {
            throw new SipException("cannot build INVITE to " + invite.requestUri() + ": " + e.getMessage(), e);
        }
    }

    /**
     * An unanswered INVITE is cancelled after ringTimeout; if even the CANCEL gets no
     * final response on the INVITE within Timer B's 32 s, the leg ends with 408.
     */
    private void scheduleRingTimeout(SipClientCall call, long ringTimeout) {
        long silence = config.getProvisionalTimeout();
        if (silence > 0 && silence < ringTimeout) {
            ScheduledFuture<?> unreachable = timers.schedule(() -> {
                if (!call.hasProvisionalResponse()) {
                    LOG.info("{}: no response in {} ms; the callee is unreachable", call, silence);
                    call.abandon("no response");
                }
            }, silence, TimeUnit.MILLISECONDS);
            call.finalResponse().whenComplete((response, failure) -> unreachable.cancel(false));
        }
        ScheduledFuture<?> cancel = timers.schedule(() -> {
            LOG.info("{} unanswered after {} ms: cancelling", call, ringTimeout);
            call.ringTimedOut();
            call.cancel();
            ScheduledFuture<?> giveUp = timers.schedule(
                    () -> call.onNoResponse(Response.REQUEST_TIMEOUT, "no answer"), 32, TimeUnit.SECONDS);
            call.finalResponse().whenComplete((response, failure) -> giveUp.cancel(false));
        }, ringTimeout, TimeUnit.MILLISECONDS);
        call.finalResponse().whenComplete((response, failure) -> cancel.cancel(false));
    }

    void sendCancel(ClientTransaction invite) throws SipException {
        ClientTransaction cancel = provider.getNewClientTransaction(invite.createCancel());
        cancel.sendRequest();
    }

    /**
     * Sends a request inside a dialog; completes with its final response (408 if none came).
     *
     * @param body        a body (SDP for a re-INVITE), or null
     * @param contentType the body's type; null for application/sdp
     */
    CompletableFuture<SipResponse> sendInDialog(Dialog dialog, String method, Object body, String contentType) {
        CompletableFuture<SipResponse> result = new CompletableFuture<>();
        try {
            Request request = dialog.createRequest(method);
            setBody(request, body, contentType);
            ClientTransaction transaction = provider.getNewClientTransaction(request);
            transaction.setApplicationData(new ResponseHandler() {
                @Override
                public void onResponse(Response response) {
                    if (response.getStatusCode() >= 200) {
                        result.complete(toSipResponse(response));
                    }
                }

                @Override
                public void onNoResponse(int code, String reason) {
                    result.complete(syntheticResponse(code, reason));
                }
            });
            dialog.sendRequest(transaction);
        } catch (SipException | ParseException e) {
            LOG.warn("cannot send {} in dialog {}: {}", method, dialog.getCallId().getCallId(), e.getMessage());
            result.completeExceptionally(e);
        }
        return result;
    }

    /** ACKs the 2xx to the dialog's INVITE with that CSeq. */
    void ackInDialog(Dialog dialog, long cseq, Object body, String contentType) throws SipException {
        try {
            Request ack = dialog.createAck(cseq);
            setBody(ack, body, contentType);
            dialog.sendAck(ack);
        } catch (ParseException | javax.sip.InvalidArgumentException e) {
            throw new SipException("cannot ACK in dialog " + dialog.getCallId().getCallId() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Answers an in-dialog request with what the other leg answered: code, reason and body. */
    void respondInDialog(ServerTransaction transaction, SipResponse answer) {
        Request request = transaction.getRequest();
        Response response;
        try {
            response = createResponse(request, answer.code(), answer.reason(), null, null, null, answer.body(),
                    answer.contentType(), transaction(transaction));
        } catch (IllegalArgumentException e) {
            response = fallbackResponse(request, null, e);
        }
        send(transaction, response);
    }

    // ---------------------------------------------------------------- messages

    Response createResponse(Request request, int code, String reasonPhrase, String toTag, String reasonText,
                            Map<String, ?> headers, Object body, String contentType, String transport) {
        try {
            Response response = MESSAGES.createResponse(code, request);
            if (reasonPhrase != null && !reasonPhrase.isBlank()) {
                response.setReasonPhrase(reasonPhrase);
            }
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (code > 100 && toTag != null && to != null && to.getTag() == null) {
                to.setTag(toTag);
            }
            if (Request.INVITE.equals(request.getMethod()) && code > 100 && code < 300 && transport != null) {
                response.addHeader((Header) contactFor(transport).clone());
                if (code >= 200) {
                    addHeaders(response, Map.of("Allow", ALLOW));
                }
            }
            if (reasonText != null && code >= 300) {
                response.addHeader(HEADERS.createReasonHeader("SIP", code, sanitizeReasonText(reasonText)));
            }
            addHeaders(response, headers);
            setBody(response, body, contentType);
            return response;
        } catch (ParseException | javax.sip.InvalidArgumentException e) {
            throw new IllegalArgumentException("cannot build a " + code + " response: " + e.getMessage(), e);
        }
    }

    /**
     * The final response when the one asked for cannot be built (a header the route set
     * does not parse, say): a bare 500, so that the caller is never left waiting.
     */
    Response fallbackResponse(Request request, String toTag, RuntimeException cause) {
        LOG.error("{} {} from {}: cannot build the response ({}); answering 500", request.getMethod(),
                request.getRequestURI(), source(request), cause.getMessage());
        return createResponse(request, Response.SERVER_INTERNAL_ERROR, null, toTag,
                "cannot build the response: " + cause.getMessage(), null, null, null, null);
    }

    boolean send(ServerTransaction transaction, Response response) {
        try {
            transaction.sendResponse(response);
            return true;
        } catch (Exception e) {
            LOG.warn("cannot send {} for {}: {}", response.getStatusCode(),
                    transaction.getRequest().getHeader(CallIdHeader.NAME), e.getMessage());
            return false;
        }
    }

    private static void addHeaders(javax.sip.message.Message message, Map<String, ?> headers)
            throws ParseException {
        if (headers == null) {
            return;
        }
        for (Map.Entry<String, ?> entry : headers.entrySet()) {
            String name = entry.getKey();
            if (name.equalsIgnoreCase(ContentTypeHeader.NAME) || name.equalsIgnoreCase("Content-Length")) {
                continue; // the body decides these
            }
            boolean first = true;
            for (Object value : asIterable(entry.getValue())) {
                for (Header header : parseHeaders(name + ": " + value)) {
                    if (first) {
                        message.setHeader(header);
                        first = false;
                    } else {
                        message.addHeader(header);
                    }
                }
            }
        }
    }

    /**
     * One header line as the headers it holds: a list header (Allow, Supported, Contact...) one per
     * value, any other (WWW-Authenticate, Retry-After...) as itself. HeaderFactory.createHeaders
     * refuses the latter, createHeader keeps only the first value of the former.
     */
    private static List<Header> parseHeaders(String line) throws ParseException {
        SIPHeader parsed = HEADER_PARSER.parseSIPHeader(line);
        if (parsed instanceof SIPHeaderList<?> list) {
            return new ArrayList<>(list);
        }
        return List.of(parsed);
    }

    private static Iterable<?> asIterable(Object value) {
        if (value instanceof Iterable<?> values) {
            return values;
        }
        if (value instanceof Object[] values) {
            return List.of(values);
        }
        return value == null ? List.of() : List.of(value);
    }

    private static void setBody(javax.sip.message.Message message, Object body, String contentType)
            throws ParseException {
        if (body == null) {
            return;
        }
        byte[] bytes = body instanceof byte[] raw ? raw : body.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            return;
        }
        String type = contentType != null ? contentType : "application/sdp";
        int slash = type.indexOf('/');
        if (slash < 0) {
            throw new ParseException("content type without a subtype: " + type, 0);
        }
        message.setContent(bytes, HEADERS.createContentTypeHeader(type.substring(0, slash).trim(),
                type.substring(slash + 1).trim()));
    }

    static SipResponse toSipResponse(Response response) {
        ContentTypeHeader type = (ContentTypeHeader) response.getHeader(ContentTypeHeader.NAME);
        byte[] raw = response.getRawContent();
        return new SipResponse(response.getStatusCode(), response.getReasonPhrase(), new SipHeaders(response),
                type == null ? null : mediaType(type),
                raw == null || raw.length == 0 ? null : new String(raw, StandardCharsets.UTF_8));
    }

    static SipResponse syntheticResponse(int code, String reason) {
        return new SipResponse(code, reason, Map.of(), null, null);
    }

    /** The Reason header's text is a quoted string: no quotes, backslashes or line breaks inside. */
    static String sanitizeReasonText(String text) {
        String clean = text.replace('"', '\'').replace('\\', '/').replaceAll("[\\p{Cntrl}]", " ").trim();
        return clean.length() > 200 ? clean.substring(0, 200) : clean;
    }

    private ContactHeader contact(String transport) throws ParseException {
        SipURI uri = ADDRESSES.createSipURI(null, config.getHost());
        uri.setPort(config.getPort());
        if (!"udp".equalsIgnoreCase(transport)) {
            uri.setTransportParam(transport.toLowerCase(Locale.ROOT));
        }
        return HEADERS.createContactHeader(ADDRESSES.createAddress(uri));
    }

    private ContactHeader contactFor(String transport) {
        ContactHeader contact = contacts.get(transport.toUpperCase(Locale.ROOT));
        return contact != null ? contact : contacts.values().iterator().next();
    }

    private String transportFor(URI target) {
        String transport = target instanceof SipURI sip ? sip.getTransportParam() : null;
        return transport == null ? ListeningPoint.UDP : transport.toUpperCase(Locale.ROOT);
    }

    /** The transport a server transaction's request came over. */
    static String transaction(ServerTransaction transaction) {
        if (transaction instanceof SIPServerTransaction nist) {
            return nist.getTransport().toUpperCase(Locale.ROOT);
        }
        ViaHeader via = (ViaHeader) transaction.getRequest().getHeader(ViaHeader.NAME);
        return via.getTransport().toUpperCase(Locale.ROOT);
    }

    /** A Route naming this node (softphones using psip as outbound proxy send one): consumed here. */
    private void stripRouteToSelf(Request request) {
        RouteHeader route = (RouteHeader) request.getHeader(RouteHeader.NAME);
        if (route != null && route.getAddress().getURI() instanceof SipURI uri
                && uri.getHost().equals(config.getHost())
                && (uri.getPort() == config.getPort() || uri.getPort() < 0 && config.getPort() == 5060)) {
            request.removeFirst(RouteHeader.NAME);
        }
    }

    private static Address address(String uri, String displayName) throws ParseException {
        Address address = ADDRESSES.createAddress(uri);
        if (displayName != null && !displayName.isBlank()) {
            address.setDisplayName(displayName);
        }
        return address;
    }

    private boolean acceptsSdp(Request request) {
        for (ListIterator<Header> it = request.getHeaders(AcceptHeader.NAME); it.hasNext(); ) {
            AcceptHeader accept = (AcceptHeader) it.next();
            String type = accept.getContentType();
            String subType = accept.getContentSubType();
            if (type == null || "*".equals(type)
                    || "application".equalsIgnoreCase(type) && ("*".equals(subType) || "sdp".equalsIgnoreCase(subType))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> values(Request request, String name) {
        List<String> values = new ArrayList<>(0);
        for (ListIterator<Header> it = request.getHeaders(name); it.hasNext(); ) {
            Header header = it.next();
            if (header instanceof RequireHeader require) {
                values.add(require.getOptionTag());
            } else {
                values.add(SipHeaders.valueOf(header));
            }
        }
        return values;
    }

    private static String mediaType(ContentTypeHeader type) {
        return (type.getContentType() + "/" + type.getContentSubType()).toLowerCase(Locale.ROOT);
    }

    /** The parser marks requests of other versions: JAIN-SIP itself reads every version as 2.0. */
    private static boolean isSip20(Request request) {
        return !(request instanceof SIPRequest nist
                && nist.getApplicationData() instanceof StrictMessageParserFactory.UnsupportedVersion);
    }

    private static boolean hasToTag(Request request) {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        return to != null && to.getTag() != null;
    }

    static String source(Request request) {
        if (request instanceof SIPRequest nist && nist.getPeerPacketSourceAddress() != null) {
            return nist.getPeerPacketSourceAddress().getHostAddress() + ":" + nist.getPeerPacketSourcePort();
        }
        return "?";
    }

    static String hostPort(String host, int port) {
        return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    static String newTag() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    }

    static Set<String> parseList(String list) {
        Set<String> values = new LinkedHashSet<>();
        for (String value : list.split(",")) {
            if (!value.isBlank()) {
                values.add(value.trim().toLowerCase(Locale.ROOT));
            }
        }
        return Collections.unmodifiableSet(values);
    }

    static void runAll(List<Runnable> listeners, String what, Logger log) {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.warn("{} listener failed", what, e);
            }
        }
    }
}
