package org.imagestore.ftp.inbound;

import java.util.ArrayList;
import java.util.List;

import org.apache.ftpserver.command.Command;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.impl.FtpServerContext;

/**
 * {@code FEAT}: exactly the extensions the store honours. FtpServer's own list also names what the store refuses
 * (resumes, setting times, checksums, compression, languages), and mirror tools and GUI clients plan by it: a
 * client told {@code REST STREAM} tries to resume and fails, one told {@code MFMT} reports every file as an error.
 */
final class FeatureList implements Command {

    private final List<String> features;

    FeatureList(boolean tls) {
        List<String> features = new ArrayList<>(List.of("SIZE", "MDTM", "MLST Size;Modify;Type;Perm;", "UTF8", "TVFS",
                "EPRT", "EPSV"));
        if (tls) {
            features.addAll(List.of("AUTH TLS", "PBSZ", "PROT"));
        }
        this.features = List.copyOf(features);
    }

    List<String> features() {
        return features;
    }

    /** {@code MODE}: stream mode only (FtpServer would also switch to {@code MODE Z}, which uploads do not take). */
    static Command streamModeOnly() {
        return (session, context, request) -> {
            session.resetState();
            boolean stream = request.hasArgument() && request.getArgument().trim().equalsIgnoreCase("S");
            session.write(stream
                    ? new DefaultFtpReply(FtpReply.REPLY_200_COMMAND_OKAY, "Mode S")
                    : new DefaultFtpReply(FtpReply.REPLY_504_COMMAND_NOT_IMPLEMENTED_FOR_THAT_PARAMETER,
                            "Only stream mode (MODE S) is supported"));
        };
    }

    @Override
    public void execute(FtpIoSession session, FtpServerContext context, FtpRequest request) {
        session.resetState();
        StringBuilder reply = new StringBuilder("Extensions supported\n");
        features.forEach(feature -> reply.append(' ').append(feature).append('\n'));
        session.write(new DefaultFtpReply(FtpReply.REPLY_211_SYSTEM_STATUS_REPLY, reply.append("End").toString()));
    }
}
