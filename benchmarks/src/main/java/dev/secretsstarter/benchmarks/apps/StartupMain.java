package dev.secretsstarter.benchmarks.apps;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import dev.secretsstarter.benchmarks.ChildProcess;
import dev.secretsstarter.benchmarks.SecretsFixture;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Starts one application, reports when it was ready and how many of the expected secrets its
 * {@code Environment} holds, then exits. The start-up time is measured from the JVM's start
 * (what a user waits for), and Boot's own run time is reported beside it.
 *
 * @author secrets-starter team
 */
final class StartupMain {

	private StartupMain() {
	}

	/**
	 * CPU time of the whole process (all threads, JIT and GC included): less sensitive than wall
	 * time to other processes competing for the two cores.
	 */
	private static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return -1;
	}

	static void run(Class<?> application, String[] args) {
		SpringApplication app = new SpringApplication(application);
		app.setBannerMode(Banner.Mode.OFF);
		long[] readyAt = new long[3];
		Duration[] timeTaken = new Duration[1];
		app.addListeners((ApplicationListener<ApplicationReadyEvent>) (event) -> {
			readyAt[0] = System.currentTimeMillis();
			readyAt[1] = processCpuNanos();
			readyAt[2] = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
			timeTaken[0] = event.getTimeTaken();
		});
		ConfigurableApplicationContext context = app.run(args);
		long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
		Environment environment = context.getEnvironment();
		int expected = environment.getProperty("bench.expect", Integer.class, 0);
		int loaded = 0;
		for (int i = 0; i < expected; i++) {
			if (environment.getProperty(SecretsFixture.keyPrefix(i) + ".username") != null) {
				loaded++;
			}
		}
		ChildProcess.report("ready_ms", readyAt[0] - jvmStart, "run_ms",
				(timeTaken[0] != null) ? timeTaken[0].toMillis() : -1, "cpu_ms", readyAt[1] / 1_000_000, "classes",
				readyAt[2], "loaded", loaded, "expected", expected);
		System.exit(SpringApplication.exit(context));
	}

}
