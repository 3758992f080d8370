package dev.secretsstarter.autoconfigure.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Local mode: an embedded, Secrets Manager-compatible server ({@code secrets-local}) that the
 * application talks to instead of AWS, bound from {@code secrets.local.*}. For development and
 * tests only; off unless {@code secrets.local.enabled=true} and {@code secrets-local} is on the
 * class path.
 * <p>
 * Bound in the config-data phase (before beans exist), so it is a plain properties holder.
 *
 * @author secrets-starter team
 */
@ConfigurationProperties("secrets.local")
public class LocalSecretsManagerProperties {

	/**
	 * Whether to start the embedded secrets-local server and point the client at it. Requires
	 * secrets-local on the class path; refused together with secrets.endpoint.
	 */
	private boolean enabled;

	/**
	 * Seed files (YAML, or JSON when the name ends in .json) whose secrets are created at start,
	 * as Spring resource locations, for example "classpath:local-secrets.yml".
	 */
	private List<String> seed = new ArrayList<>();

	/**
	 * Port on 127.0.0.1 to listen on. 0 picks a free port.
	 */
	private int port;

	/**
	 * File that keeps the server's secrets across restarts. Unset keeps them in memory only.
	 */
	private @Nullable Path dataFile;

	/**
	 * How often the server runs the rotations that their rotation schedule makes due. Unset
	 * rotates only when RotateSecret is called.
	 */
	private @Nullable Duration rotationCheckInterval;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getSeed() {
		return this.seed;
	}

	public void setSeed(List<String> seed) {
		this.seed = seed;
	}

	public int getPort() {
		return this.port;
	}

	public void setPort(int port) {
		this.port = port;
	}

	public @Nullable Path getDataFile() {
		return this.dataFile;
	}

	public void setDataFile(@Nullable Path dataFile) {
		this.dataFile = dataFile;
	}

	public @Nullable Duration getRotationCheckInterval() {
		return this.rotationCheckInterval;
	}

	public void setRotationCheckInterval(@Nullable Duration rotationCheckInterval) {
		this.rotationCheckInterval = rotationCheckInterval;
	}

}
