package dev.secretsstarter.config;

import java.util.Objects;

import org.springframework.boot.context.config.ConfigDataResource;

/**
 * One entry of an {@code aws-secretsmanager:} import, as resolved. Equal entries are equal
 * resources, so Boot loads each once. Immutable.
 *
 * @author secrets-starter team
 */
public final class SecretsConfigDataResource extends ConfigDataResource {

	private final SecretImport secretImport;

	private final boolean optionalResource;

	private final boolean disabled;

	SecretsConfigDataResource(SecretImport secretImport, boolean optional) {
		this(secretImport, optional, false);
	}

	SecretsConfigDataResource(SecretImport secretImport, boolean optional, boolean disabled) {
		super(optional);
		this.secretImport = secretImport;
		this.optionalResource = optional;
		this.disabled = disabled;
	}

	/**
	 * Whether the integration is disabled ({@code secrets.enabled=false}): the resource loads to
	 * nothing.
	 * @return whether disabled
	 */
	public boolean isDisabled() {
		return this.disabled;
	}

	/**
	 * The import entry.
	 * @return the entry
	 */
	public SecretImport getImport() {
		return this.secretImport;
	}

	boolean isOptionalResource() {
		return this.optionalResource;
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof SecretsConfigDataResource that
				&& this.secretImport.equals(that.secretImport) && this.optionalResource == that.optionalResource
				&& this.disabled == that.disabled);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.secretImport, this.optionalResource, this.disabled);
	}

	@Override
	public String toString() {
		return this.secretImport.toString();
	}

}
