package fr.ancrage.ui.common;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.persistence.Database;
import javafx.application.Platform;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's task runner, on the real FX thread. */
class FxTaskRunnerTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /**
     * The dashboard cancels its query at each filter change, the badge at each section change. An
     * interrupt reaching H2 inside a file read closes the database file's channel, and the next
     * reads and writes of the other tasks fail (« Reading from / Writing to FileChannelImpl failed »);
     * with the runner that interrupted on cancel, this test failed with such errors.
     */
    @Test
    void cancellingQueriesHundredsOfTimesLeavesTheFileDatabaseUsable() throws Exception {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        AtomicInteger saved = new AtomicInteger();
        try (Database db = Database.open(dir)) {
            DSLContext dsl = db.dsl();
            dsl.execute("create table probe (id int primary key, pad varchar(400))");
            dsl.execute("insert into probe select x, repeat('abcdefghij', 30) from system_range(1, 60000)");
            // a small cache: the scans below read the file, where an interrupt does its harm
            dsl.execute("set cache_size 256");
            FxTaskRunner runner = new FxTaskRunner();
            Random random = new Random(14);
            AtomicInteger cancelled = new AtomicInteger();
            try {
                for (int i = 0; i < 300; i++) {
                    int n = i;
                    TaskRunner.Cancellable task = runner.run(
                            () -> dsl.fetchValue("select count(*) from probe where pad like ? and id > ?",
                                    "%z%", n % 7),
                            count -> failures.add(new AssertionError("result of a cancelled task delivered")),
                            failures::add);
                    if (n % 10 == 0) {
                        // meanwhile the other screens save, and expect it to work
                        runner.run(() -> dsl.execute("insert into probe values (?, ?)", 100000 + n, "saved"),
                                rows -> saved.incrementAndGet(), failures::add);
                    }
                    Thread.sleep(random.nextInt(4));
                    task.cancel();
                    cancelled.incrementAndGet();
                }
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !runner.busyProperty().get());
            } finally {
                runner.close();
            }
            assertThat(cancelled).hasValue(300);

            // the base is still whole: writes and reads, on a connection of the pool the tasks used
            dsl.execute("insert into probe values (?, ?)", 70000, "after");
            dsl.execute("update probe set pad = ? where id = ?", "updated", 1);
            dsl.execute("checkpoint");
            assertThat(((Number) dsl.fetchValue("select count(*) from probe")).intValue()).isEqualTo(60000 + 30 + 1);
            assertThat(dsl.fetchValue("select pad from probe where id = 1")).isEqualTo("updated");
        }
        // and it opens again with what was written
        try (Database db = Database.open(dir)) {
            assertThat(db.dsl().fetchValue("select pad from probe where id = 70000")).isEqualTo("after");
        }
        // no query nor save failed because another query was cancelled
        assertThat(failures).isEmpty();
        assertThat(saved).hasValue(30);
    }

    @Test
    void aCancelledTaskIsNotInterruptedAndItsCallbacksAreNotDelivered() throws Exception {
        FxTaskRunner runner = new FxTaskRunner();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean delivered = new AtomicBoolean();
        TaskRunner.Cancellable task = runner.run(() -> {
            started.countDown();
            // a wait that an interrupt would end early
            while (!release.await(10, TimeUnit.MILLISECONDS)) {
                interrupted.compareAndSet(false, Thread.currentThread().isInterrupted());
            }
            interrupted.compareAndSet(false, Thread.currentThread().isInterrupted());
            finished.set(true);
            return "done";
        }, value -> delivered.set(true), error -> delivered.set(true));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.busyProperty().get());

        task.cancel();
        release.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !runner.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(finished).isTrue();
        assertThat(interrupted).isFalse();
        assertThat(delivered).isFalse();
        runner.close();
    }

    @Test
    void closeWaitsForTheRunningWorkWithoutInterruptingIt() throws Exception {
        FxTaskRunner runner = new FxTaskRunner();
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean();
        runner.run(() -> {
            started.countDown();
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (System.nanoTime() < end) {
                interrupted.compareAndSet(false, Thread.currentThread().isInterrupted());
                Thread.onSpinWait();
            }
            finished.set(true);
            return null;
        }, value -> { }, error -> { });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        runner.close();

        assertThat(finished).isTrue();
        assertThat(interrupted).isFalse();
        // a closed runner takes no more work and says nothing
        AtomicBoolean ran = new AtomicBoolean();
        runner.run(() -> ran.getAndSet(true), value -> { }, error -> { }).cancel();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ran).isFalse();
    }

    @Test
    void unexpectedFailuresAreLoggedAtErrorWithTheirStackBusinessRefusalsWithout() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(FxTaskRunner.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        FxTaskRunner runner = new FxTaskRunner();
        try {
            List<Throwable> seen = new CopyOnWriteArrayList<>();
            runner.run(() -> {
                throw new IllegalStateException("bug");
            }, value -> { }, seen::add);
            runner.run(() -> {
                throw new RuleViolationException("error.stale", "x");
            }, value -> { }, seen::add);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> seen.size() == 2);

            assertThat(appender.list).anySatisfy(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.ERROR);
                assertThat(event.getThrowableProxy()).isNotNull();
                assertThat(event.getThrowableProxy().getMessage()).isEqualTo("bug");
            });
            assertThat(appender.list).anySatisfy(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.INFO);
                assertThat(event.getThrowableProxy()).isNull();
                assertThat(event.getFormattedMessage()).contains("RuleViolationException");
            });
            assertThat(appender.list).filteredOn(event -> event.getLevel() == Level.ERROR)
                    .extracting(event -> event.getThrowableProxy().getClassName())
                    .containsExactly(IllegalStateException.class.getName());
        } finally {
            runner.close();
            logger.detachAppender(appender);
        }
    }

    @Test
    void theBusyFlagFollowsTheTasksOnTheFxThread() throws Exception {
        FxTaskRunner runner = new FxTaskRunner();
        CountDownLatch release = new CountDownLatch(1);
        List<Boolean> seenOnFx = new CopyOnWriteArrayList<>();
        runner.busyProperty().addListener((obs, old, now) -> seenOnFx.add(Platform.isFxApplicationThread()));
        TaskRunner.Cancellable first = runner.run(() -> release.await(10, TimeUnit.SECONDS), v -> { }, e -> { });
        runner.run(() -> release.await(10, TimeUnit.SECONDS), v -> { }, e -> { });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.busyProperty().get());
        first.cancel();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(runner.busyProperty().get()).isTrue();
        release.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !runner.busyProperty().get());
        assertThat(seenOnFx).containsOnly(true);
        runner.close();
    }
}
