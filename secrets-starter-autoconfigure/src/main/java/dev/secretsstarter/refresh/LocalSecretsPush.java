package dev.secretsstarter.refresh;

import java.util.ArrayList;
import java.util.List;

import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.local.SecretChangeEvent;
import dev.secretsstarter.local.SecretChangeListener;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Listens to every in-process {@link LocalSecretsManager} bean and asks the
 * {@link SecretsRefresher} to check a tracked secret as soon as it changes, so that local
 * development and tests see a rotation without waiting for the next poll. The check runs on the
 * refresher's thread, never on the server's. Thread-safe.
 */
final class LocalSecretsPush implements SmartInitializingSingleton, DisposableBean {

	private final ObjectProvider<LocalSecretsManager> servers;

	private final SecretsRefresher refresher;

	private final List<LocalSecretsManager> attached = new ArrayList<>();

	private final SecretChangeListener listener = this::onChange;

	LocalSecretsPush(ObjectProvider<LocalSecretsManager> servers, SecretsRefresher refresher) {
		this.servers = servers;
		this.refresher = refresher;
	}

	@Override
	public synchronized void afterSingletonsInstantiated() {
		this.servers.orderedStream().forEach((server) -> {
			server.addListener(this.listener);
			this.attached.add(server);
		});
	}

	@Override
	public synchronized void destroy() {
		this.attached.forEach((server) -> server.removeListener(this.listener));
		this.attached.clear();
	}

	private void onChange(SecretChangeEvent event) {
		switch (event.type()) {
			case VALUE_CHANGED, DELETED, RESTORED -> this.refresher.requestRefresh((key) -> names(key, event));
			// Labels moved without AWSCURRENT moving: only keys at other stages can have changed.
			case STAGES_CHANGED -> this.refresher
				.requestRefresh((key) -> names(key, event) && !SecretKey.AWSCURRENT.equals(key.versionStage()));
			default -> {
			}
		}
	}

	private static boolean names(SecretKey key, SecretChangeEvent event) {
		String id = key.secretId();
		return id.equals(event.name()) || id.equals(event.arn()) || (id.startsWith("arn:") && event.arn().startsWith(id + "-"));
	}

}
