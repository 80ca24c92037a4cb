package dev.modelfn.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/** One WARN line at start when anyone may call the admin functions, saying how to close them. */
@ApplicationScoped
public class OpenAdminWarning {

    /** The start of the line, for whoever searches the log for it. */
    public static final String PREFIX = "Admin functions are open to anyone";
    private static final Logger LOG = Logger.getLogger(OpenAdminWarning.class);

    void warn(@Observes StartupEvent start, AccessPolicy policy) {
        if (policy.adminOpen()) {
            LOG.warnf("%s (train, promote, rollback, reload, delete; profile %s, modelfn.auth.enabled=false). "
                    + "To close them, run the prod profile or set modelfn.auth.enabled=true, with "
                    + "mp.jwt.verify.publickey.location naming the key that verifies admin tokens.",
                    PREFIX, String.join(",", ConfigUtils.getProfiles()));
        }
    }
}
