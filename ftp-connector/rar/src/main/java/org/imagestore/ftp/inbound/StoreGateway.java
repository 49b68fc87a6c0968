package org.imagestore.ftp.inbound;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.imagestore.ftp.api.FtpRefusedException;
import org.imagestore.ftp.api.FtpStoreListener;

/**
 * Calls the MDB: one endpoint per call, always released. A change runs between the endpoint's beforeDelivery and
 * afterDelivery, which begin and end its container transaction on this thread, with a {@link CommitObserver}
 * registered in that transaction between the two: it counts as done only if the transaction committed.
 */
final class StoreGateway {

    private static final Logger LOG = Logger.getLogger(StoreGateway.class.getName());
    private static final long ENDPOINT_TIMEOUT_MILLIS = 60_000;

    /** A call on the listener that may be refused. */
    @FunctionalInterface
    interface Call<T> {
        T on(FtpStoreListener store) throws FtpRefusedException;
    }

    private final MessageEndpointFactory endpoints;
    private final TransactionSynchronizationRegistry transactions;

    StoreGateway(MessageEndpointFactory endpoints, TransactionSynchronizationRegistry transactions) {
        this.endpoints = endpoints;
        this.transactions = transactions;
    }

    /** A read: no outcome to check. */
    <T> T read(Call<T> call) throws FtpRefusedException {
        return invoke(call, null);
    }

    /** A change: succeeds only if the MDB's transaction committed. */
    <T> T change(Call<T> call) throws FtpRefusedException {
        CommitObserver outcome = new CommitObserver();
        T result = invoke(call, outcome);
        if (!outcome.committed()) {
            throw new FtpRefusedException(FtpRefusedException.Kind.TRANSIENT,
                    "the store could not commit the change; nothing was kept, please retry");
        }
        return result;
    }

    private <T> T invoke(Call<T> call, CommitObserver outcome) throws FtpRefusedException {
        MessageEndpoint endpoint;
        try {
            endpoint = endpoints.createEndpoint(null, ENDPOINT_TIMEOUT_MILLIS);
        } catch (UnavailableException e) {
            LOG.log(Level.WARNING, "imagestore is not ready to take FTP requests", e);
            throw unavailable();
        }
        try {
            return call.on(outcome == null ? (FtpStoreListener) endpoint : observed(endpoint, outcome));
        } catch (FtpRefusedException e) {
            throw e;
        } catch (UndeclaredThrowableException | IllegalStateException e) {
            LOG.log(Level.WARNING, "FTP request failed in the store", e);
            throw unavailable();
        } catch (RuntimeException e) {
            // EJBException from the container; the cause has been logged there too
            LOG.log(Level.WARNING, "FTP request failed in the store: " + rootMessage(e), e);
            throw unavailable();
        } finally {
            endpoint.release();
        }
    }

    /**
     * The endpoint, each call on it delivered between beforeDelivery and afterDelivery with {@code outcome}
     * registered in the transaction that the first begins and the second ends. A failure to end it is only logged:
     * the observer has heard how it ended, or has not, and then the change counts as not done.
     */
    private FtpStoreListener observed(MessageEndpoint endpoint, CommitObserver outcome) {
        return (FtpStoreListener) Proxy.newProxyInstance(FtpStoreListener.class.getClassLoader(),
                new Class<?>[] {FtpStoreListener.class}, (proxy, method, args) -> {
                    endpoint.beforeDelivery(method);
                    try {
                        transactions.registerInterposedSynchronization(outcome);
                        return method.invoke(endpoint, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        try {
                            endpoint.afterDelivery();
                        } catch (ResourceException | RuntimeException e) {
                            LOG.log(Level.WARNING, "the store's transaction did not end cleanly", e);
                        }
                    }
                });
    }

    private static FtpRefusedException unavailable() {
        return new FtpRefusedException(FtpRefusedException.Kind.TRANSIENT,
                "the store is temporarily unable to process the request; please retry");
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
