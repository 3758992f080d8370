package dev.secretsstarter.test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.secretsstarter.local.SecretChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LocalSecrets#reset()} puts the server back to its seeded state in one step: whatever reads
 * the server while a reset runs (a listener told of the reset's changes, an application polling on
 * another thread) finds every seeded secret, never a server forgotten but not yet seeded again.
 */
class AtomicResetIntegrationTests {

	private static final List<String> SEEDED = List.of("seeded/from-file", "app/config", "db/credentials", "api/key");

	@RegisterExtension
	static LocalSecretsManagerExtension server = LocalSecretsManagerExtension.perClass()
		.withSeed("classpath:extension-seed.yml")
		.withSeed("classpath:local-secrets.yml");

	@Test
	void aListenerToldOfTheResetsChangesFindsEverySeededSecret(LocalSecrets secrets) {
		// Changes for the reset to announce: a secret it forgets, a value it puts back.
		secrets.put("written/by-test", "dummy-test");
		secrets.put("api/key", "dummy-changed");
		List<String> told = new CopyOnWriteArrayList<>();
		List<String> missing = new CopyOnWriteArrayList<>();
		SecretChangeListener reader = (event) -> {
			told.add(event.name());
			SEEDED.forEach((name) -> {
				if (!exists(secrets, name)) {
					missing.add(name + " (on " + event.type() + " of " + event.name() + ")");
				}
			});
		};
		secrets.server().addListener(reader);
		try {
			secrets.reset();
		}
		finally {
			secrets.server().removeListener(reader);
		}
		assertThat(told).containsExactlyInAnyOrder("written/by-test", "api/key");
		assertThat(missing).isEmpty();
	}

	@Test
	void aClientReadingOnAnotherThreadNeverFindsASeededSecretMissingDuringResets(LocalSecrets secrets)
			throws Exception {
		AtomicBoolean resetting = new AtomicBoolean(true);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<List<String>> reads = executor.submit(() -> {
				List<String> missing = new ArrayList<>();
				do {
					if (!exists(secrets, "api/key")) {
						missing.add("api/key");
					}
				}
				while (resetting.get());
				return missing;
			});
			for (int i = 0; i < 300; i++) {
				secrets.reset();
			}
			resetting.set(false);
			assertThat(reads.get(30, TimeUnit.SECONDS)).isEmpty();
		}
		finally {
			resetting.set(false);
			executor.shutdownNow();
		}
	}

	private static boolean exists(LocalSecrets secrets, String name) {
		try {
			secrets.client().getSecretValue((request) -> request.secretId(name));
			return true;
		}
		catch (ResourceNotFoundException ex) {
			return false;
		}
	}

}
