package org.psip.sip.logging;

import java.util.Properties;

import gov.nist.core.StackLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's stack log, through SLF4J (logger {@code gov.nist.javax.sip}), so that no
 * log4j 1.x is needed on the classpath. Set as {@code gov.nist.javax.sip.STACK_LOGGER}.
 */
public class Slf4jStackLogger implements StackLogger {

    private static final Logger LOG = LoggerFactory.getLogger("gov.nist.javax.sip");

    @Override
    public void logStackTrace() {
        if (LOG.isTraceEnabled()) {
            LOG.trace("stack trace", new Throwable("stack trace"));
        }
    }

    @Override
    public void logStackTrace(int traceLevel) {
        logStackTrace();
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        LOG.warn("JAIN-SIP exception", ex);
    }

    @Override
    public void logDebug(String message) {
        LOG.debug(message);
    }

    @Override
    public void logDebug(String message, Exception ex) {
        LOG.debug(message, ex);
    }

    @Override
    public void logTrace(String message) {
        LOG.trace(message);
    }

    @Override
    public void logFatalError(String message) {
        LOG.error(message);
    }

    @Override
    public void logError(String message) {
        LOG.error(message);
    }

    @Override
    public void logError(String message, Exception ex) {
        LOG.error(message, ex);
    }

    @Override
    public void logWarning(String message) {
        if (isAboutTls(message)) {
            // JAIN-SIP warns at every start that no TLS key store is set; psip offers no TLS
            LOG.debug(message);
        } else {
            LOG.warn(message);
        }
    }

    private static boolean isAboutTls(String message) {
        return message != null && (message.contains("TLS") || message.contains("tls security policy")
                || message.contains("keystore type") || message.contains("truststore type"));
    }

    @Override
    public void logInfo(String message) {
        LOG.info(message);
    }

    @Override
    public boolean isLoggingEnabled() {
        return LOG.isInfoEnabled();
    }

    /** JAIN-SIP asks this before building most log lines, so it must be cheap. */
    @Override
    public boolean isLoggingEnabled(int logLevel) {
        switch (logLevel) {
            case TRACE_FATAL:
            case TRACE_ERROR:
                return LOG.isErrorEnabled();
            case TRACE_WARN:
                return LOG.isWarnEnabled();
            case TRACE_INFO:
                return LOG.isInfoEnabled();
            case TRACE_DEBUG:
                return LOG.isDebugEnabled();
            case TRACE_NONE:
                return false;
            default:
                return LOG.isTraceEnabled();
        }
    }

    @Override
    public void disableLogging() {
        // levels are SLF4J's to decide
    }

    @Override
    public void enableLogging() {
        // levels are SLF4J's to decide
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
        LOG.debug("JAIN-SIP build {}", buildTimeStamp);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // nothing to configure: levels come from the SLF4J backend
    }

    @Override
    public String getLoggerName() {
        return LOG.getName();
    }
}
