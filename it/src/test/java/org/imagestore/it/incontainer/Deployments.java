package org.imagestore.it.incontainer;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archive every in-container test deploys: the EAR under test, with this package as an extra web module. */
final class Deployments {

    private static final String TEST_MODULE = "incontainer-tests.war";

    private Deployments() {
    }

    static EnterpriseArchive storeWithTests() {
        File ear = new File(System.getProperty("imagestore.ear", "target/deployments/imagestore.ear"));
        EnterpriseArchive archive = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
        WebArchive tests = ShrinkWrap.create(WebArchive.class, TEST_MODULE)
                .addPackage(Deployments.class.getPackage())
                .addAsResource("photos/xiaomi-mi-a3-gps.jpg")
                .addAsResource("photos/canon-eos70d.jpg");
        archive.addAsModule(Testable.archiveToTest(tests));
        // The EAR's application.xml lists its modules: the test module must be declared there too.
        return archive.setApplicationXML(new StringAsset(withTestModule(applicationXml(archive))));
    }

    private static String applicationXml(EnterpriseArchive archive) {
        try (InputStream in = archive.get("META-INF/application.xml").getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String withTestModule(String applicationXml) {
        String module = "<module><web><web-uri>" + TEST_MODULE + "</web-uri>"
                + "<context-root>/incontainer-tests</context-root></web></module>";
        return applicationXml.replace("<library-directory>", module + "<library-directory>");
    }
}
