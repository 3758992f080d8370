package dev.secretsstarter.config;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.util.ClassUtils;

/**
 * Starts {@link ImportWarmUp} on a daemon thread as soon as an application starts, when
 * {@link ImportHints} say an {@code aws-secretsmanager:} import is likely and warming up is not
 * switched off ({@code secrets.warm-up.enabled=false} or {@code secrets.enabled=false} on the
 * command line, as a system property or environment variable).
 * <p>
 * Why: building the first SDK client and making its first call costs most of an import's
 * start-up time, nearly all of it loading and initialising classes on one thread, while Boot's
 * own start-up, which comes first, also runs on one thread. Started here, the two overlap on
 * machines with more than one core. At most once per JVM: tests that start many applications
 * warm up once.
 *
 * @author secrets-starter team
 */
public class ImportWarmUpListener implements ApplicationListener<ApplicationStartingEvent> {

	private static final AtomicBoolean started = new AtomicBoolean();

	private final Consumer<Runnable> starter;

	/**
	 * Create the listener; Boot instantiates it from {@code META-INF/spring.factories}.
	 */
	public ImportWarmUpListener() {
		this(ImportWarmUpListener::startOnce);
	}

	ImportWarmUpListener(Consumer<Runnable> starter) {
		this.starter = starter;
	}

	@Override
	public void onApplicationEvent(ApplicationStartingEvent event) {
		ClassLoader classLoader = event.getSpringApplication().getClassLoader();
		ImportHints hints = ImportHints.of(event.getArgs(),
				(classLoader != null) ? classLoader : ClassUtils.getDefaultClassLoader());
		if (hints.warmUpAllowed() && hints.importLikely()) {
			this.starter.accept(new ImportWarmUp());
		}
	}

	private static void startOnce(Runnable warmUp) {
		if (started.compareAndSet(false, true)) {
			Thread thread = new Thread(warmUp, "secrets-warm-up");
			thread.setDaemon(true);
			thread.start();
		}
	}

}
