package org.imagestore.ftp.inbound;

import java.io.IOException;

import org.apache.ftpserver.command.Command;
import org.apache.ftpserver.command.impl.PASS;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.impl.FtpServerContext;
import org.apache.mina.core.future.WriteFuture;

/**
 * FtpServer's PASS, except that a login the store could not check gets {@code 421} (service not available,
 * closing) instead of {@code 530}: a camera told its password is wrong may stop trying, or lock itself out; one
 * told to come back later retries. PASS answers every failure with 530 and offers no hook, so its reply is
 * rewritten on the way out.
 */
final class PassOrComeBackLater implements Command {

    private final Command pass = new PASS();
    private final LoginChecks checks;

    PassOrComeBackLater(LoginChecks checks) {
        this.checks = checks;
    }

    @Override
    public void execute(FtpIoSession session, FtpServerContext context, FtpRequest request)
            throws IOException, FtpException {
        checks.forgetThisLogin();
        try {
            pass.execute(new RewritingSession(session, context), context, request);
        } finally {
            checks.forgetThisLogin();
        }
    }

    /** The same session (FtpIoSession keeps its state in the wrapped session's attributes), replies rewritten. */
    private final class RewritingSession extends FtpIoSession {

        RewritingSession(FtpIoSession session, FtpServerContext context) {
            super(session, context);
        }

        @Override
        public WriteFuture write(Object message) {
            if (message instanceof FtpReply reply && reply.getCode() == FtpReply.REPLY_530_NOT_LOGGED_IN
                    && checks.storeDidNotAnswerThisLogin()) {
                WriteFuture written = super.write(new DefaultFtpReply(
                        FtpReply.REPLY_421_SERVICE_NOT_AVAILABLE_CLOSING_CONTROL_CONNECTION,
                        "The store cannot check logins right now; please try again later"));
                closeOnFlush();
                return written;
            }
            return super.write(message);
        }
    }
}
