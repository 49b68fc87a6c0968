package org.imagestore.ftp.inbound;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import javax.transaction.xa.XAResource;

import jakarta.ejb.EJBException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.imagestore.ftp.api.FtpRefusedException;
import org.imagestore.ftp.api.FtpStoreListener;

/**
 * What the application server does for the adapter, reduced to what {@link StoreGateway} relies on: endpoints
 * that run each listener call in a container-managed transaction (REQUIRED), begun by beforeDelivery and ended by
 * afterDelivery when the adapter calls them (else around the call alone); a synchronization registry for the
 * transaction of the calling thread; rollback on application exceptions marked so ({@link FtpRefusedException})
 * and on system exceptions (which reach the caller wrapped in an {@link EJBException}), commit otherwise, unless the
 * commit itself is made to fail. Test helper of the FTP end-to-end test.
 */
final class FakeContainer implements MessageEndpointFactory {

    /** How a transaction ended. */
    enum Outcome { COMMITTED, ROLLED_BACK }

    private final InMemoryStore store;
    private final ReentrantLock storeLock = new ReentrantLock();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger released = new AtomicInteger();
    private final List<Outcome> outcomes = new ArrayList<>();
    private final ThreadLocal<Transaction> current = new ThreadLocal<>();
    private final Registry registry = new Registry();
    private boolean failNextCommit;

    FakeContainer(InMemoryStore store) {
        this.store = store;
    }

    /** The next change's transaction rolls back although the listener returned normally (as when the database refuses the commit). */
    synchronized void failNextCommit() {
        failNextCommit = true;
    }

    /** How the transactions of changes (the calls with a synchronization registered) ended, in order. */
    synchronized List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    TransactionSynchronizationRegistry registry() {
        return registry;
    }

    int endpointsCreated() {
        return created.get();
    }

    int endpointsReleased() {
        return released.get();
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource) {
        return createEndpoint(xaResource, 0);
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) {
        if (xaResource != null) {
            throw new AssertionError("the adapter enlists no resource: a second one would make every change a two-phase commit");
        }
        created.incrementAndGet();
        return (MessageEndpoint) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {FtpStoreListener.class, MessageEndpoint.class}, new Endpoint());
    }

    @Override
    public boolean isDeliveryTransacted(Method method) {
        return true;
    }

    @Override
    public String getActivationName() {
        return "imagestore-test";
    }

    @Override
    public Class<?> getEndpointClass() {
        return FtpStoreListener.class;
    }

    /** A transaction of the store, on the thread that began it. */
    private static final class Transaction {
        final List<Synchronization> synchronizations = new ArrayList<>();
        boolean rollbackOnly;
    }

    private final class Endpoint implements InvocationHandler {

        private boolean delivering;

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == MessageEndpoint.class) {
                switch (method.getName()) {
                    case "beforeDelivery" -> {
                        begin();
                        delivering = true;
                    }
                    case "afterDelivery" -> {
                        delivering = false;
                        complete();
                    }
                    case "release" -> released.incrementAndGet();
                    default -> throw new AssertionError(method);
                }
                return null;
            }
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "endpoint of " + getActivationName();
                };
            }
            if (delivering) {
                return call(method, args);
            }
            begin();
            try {
                return call(method, args);
            } finally {
                complete();
            }
        }

        private Object call(Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(store, args);
            } catch (InvocationTargetException e) {
                current.get().rollbackOnly = true;
                Throwable cause = e.getCause();
                throw cause instanceof RuntimeException failure ? new EJBException("transaction rolled back", failure) : cause;
            }
        }
    }

    private void begin() {
        storeLock.lock();
        store.begin();
        current.set(new Transaction());
    }

    /** Ends the calling thread's transaction before the caller sees the result, as a container does. */
    private void complete() {
        Transaction transaction = current.get();
        current.remove();
        try {
            boolean observed = !transaction.synchronizations.isEmpty();
            boolean commit = !transaction.rollbackOnly && !(observed && takeFailNextCommit());
            if (!commit) {
                store.rollback();
            }
            transaction.synchronizations.forEach(s -> s.afterCompletion(commit ? Status.STATUS_COMMITTED : Status.STATUS_ROLLEDBACK));
            if (observed) {
                synchronized (this) {
                    outcomes.add(commit ? Outcome.COMMITTED : Outcome.ROLLED_BACK);
                }
            }
        } finally {
            storeLock.unlock();
        }
    }

    private synchronized boolean takeFailNextCommit() {
        boolean fail = failNextCommit;
        failNextCommit = false;
        return fail;
    }

    /** The registry's calls that the adapter makes, on the calling thread's transaction. */
    private final class Registry implements TransactionSynchronizationRegistry {

        @Override
        public void registerInterposedSynchronization(Synchronization synchronization) {
            Transaction transaction = current.get();
            if (transaction == null) {
                throw new IllegalStateException("no transaction on this thread");
            }
            transaction.synchronizations.add(synchronization);
        }

        @Override
        public int getTransactionStatus() {
            return current.get() == null ? Status.STATUS_NO_TRANSACTION : Status.STATUS_ACTIVE;
        }

        @Override
        public Object getTransactionKey() {
            return current.get();
        }

        @Override
        public void putResource(Object key, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getResource(Object key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setRollbackOnly() {
            current.get().rollbackOnly = true;
        }

        @Override
        public boolean getRollbackOnly() {
            return current.get().rollbackOnly;
        }
    }
}
