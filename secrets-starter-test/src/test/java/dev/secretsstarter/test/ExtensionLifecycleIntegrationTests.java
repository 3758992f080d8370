package dev.secretsstarter.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Runs fixture classes in a nested JUnit launch and checks which servers they saw.
 */
class ExtensionLifecycleIntegrationTests {

	static final List<URI> endpoints = new CopyOnWriteArrayList<>();

	@BeforeEach
	void clear() {
		endpoints.clear();
	}

	@Test
	void eachTestClassGetsItsOwnServerStoppedAfterTheClass() {
		launch(PerClassOne.class, PerClassTwo.class);
		assertThat(endpoints).hasSize(4);
		assertThat(endpoints.get(0)).isEqualTo(endpoints.get(1)).isNotEqualTo(endpoints.get(2));
		assertThat(endpoints.get(2)).isEqualTo(endpoints.get(3));
		endpoints.forEach((endpoint) -> await().atMost(Duration.ofSeconds(10)).until(() -> !accepts(endpoint)));
	}

	@Test
	void sharedServersServeEveryClassOfTheRunAndStopAtItsEnd() {
		launch(SharedOne.class, SharedTwo.class);
		assertThat(endpoints).hasSize(4).containsOnly(endpoints.get(0));
		await().atMost(Duration.ofSeconds(10)).until(() -> !accepts(endpoints.get(0)));
	}

	@Test
	void aSeedFileThatDoesNotExistFailsTheClassNamingWithSeedRatherThanAProperty() {
		SummaryGeneratingListener summary = execute(MissingSeed.class);
		assertThat(summary.getSummary().getFailures()).singleElement()
			.satisfies((failure) -> assertThat(failure.getException())
				.hasMessageContaining("withSeed(\"classpath:does-not-exist.yml\")")
				.hasMessageContaining("does not exist")
				.hasMessageNotContaining("secrets.local.seed"));
	}

	private static void launch(Class<?>... classes) {
		SummaryGeneratingListener summary = execute(classes);
		assertThat(summary.getSummary().getFailures()).isEmpty();
		assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(classes.length * 2L);
	}

	private static SummaryGeneratingListener execute(Class<?>... classes) {
		SummaryGeneratingListener summary = new SummaryGeneratingListener();
		LauncherFactory.create()
			.execute(request().selectors(List.of(classes).stream().map((type) -> selectClass(type)).toList())
				.build(), summary);
		return summary;
	}

	private static boolean accepts(URI endpoint) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	abstract static class Fixture {

		@Test
		void first(URI endpoint) {
			endpoints.add(endpoint);
		}

		@Test
		void second(URI endpoint) {
			endpoints.add(endpoint);
		}

	}

	static class PerClassOne extends Fixture {

		@RegisterExtension
		static LocalSecretsManagerExtension server = LocalSecretsManagerExtension.perClass();

	}

	static class PerClassTwo extends Fixture {

		@RegisterExtension
		static LocalSecretsManagerExtension server = LocalSecretsManagerExtension.perClass();

	}

	static class SharedOne extends Fixture {

		// tag::shared[]
		@RegisterExtension
		static LocalSecretsManagerExtension server = LocalSecretsManagerExtension.shared();
		// end::shared[]

	}

	static class MissingSeed extends Fixture {

		@RegisterExtension
		static LocalSecretsManagerExtension server = LocalSecretsManagerExtension.perClass()
			.withSeed("classpath:does-not-exist.yml");

	}

	static class SharedTwo extends Fixture {

		@RegisterExtension
		static LocalSecretsManagerExtension server = LocalSecretsManagerExtension.shared();

	}

}
