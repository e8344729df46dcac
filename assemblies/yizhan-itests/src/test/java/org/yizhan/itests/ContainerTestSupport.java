package org.yizhan.itests;

import java.time.Duration;

import org.junit.Before;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.CoreOptions;

/**
 * What every in-container test shares: the project's distribution booted once per class by Pax
 * Exam ({@link YizhanOptions}), a client of its v1 API, and a wait for the API before each test.
 * A test class adds its own settings by overriding {@link #options()}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class ContainerTestSupport {

    protected static final String BASE = "http://localhost:" + YizhanOptions.HTTP_PORT;

    protected final Api api = new Api(BASE + "/api/v1");

    @Configuration
    public Option[] config() {
        return CoreOptions.options(CoreOptions.composite(YizhanOptions.distribution()), CoreOptions.composite(options()));
    }

    /** Settings of this test class on top of the distribution's (etc/ edits, system properties). */
    protected Option[] options() {
        return new Option[0];
    }

    @Before
    public void apiIsUp() throws Exception {
        Http.awaitGet(BASE + "/api/v1/health", Duration.ofSeconds(60), r -> r.statusCode() == 200);
    }
}
