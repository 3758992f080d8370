package dev.secretsstarter.config;

import java.util.List;
import java.util.Objects;

import org.springframework.boot.context.config.ConfigDataResource;

/**
 * One {@code aws-secretsmanager:} location as resolved: all its {@code ;}-separated entries,
 * loaded into one property source. Resources with equal entries are equal, so Boot loads each
 * once. Immutable.
 * <p>
 * One resource per location rather than per entry because Boot's cost grows with the number of
 * config-data contributors (see docs/architecture.md, "Why one property source per location").
 *
 * @author secrets-starter team
 */
public final class SecretsConfigDataResource extends ConfigDataResource {

	private final String location;

	private final List<SecretImport> imports;

	private final boolean optionalResource;

	private final boolean disabled;

	SecretsConfigDataResource(String location, List<SecretImport> imports, boolean optional) {
		this(location, imports, optional, false);
	}

	SecretsConfigDataResource(String location, List<SecretImport> imports, boolean optional, boolean disabled) {
		super(optional);
		this.location = location;
		this.imports = List.copyOf(imports);
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
	 * The entries of the location, in the order written (later entries win for the same property).
	 * @return an immutable list
	 */
	public List<SecretImport> getImports() {
		return this.imports;
	}

	/**
	 * The name of the property source this resource loads into: the location as written, without
	 * {@code optional:}, for example {@code aws-secretsmanager:db/credentials;api/key}.
	 * @return the name
	 */
	public String getPropertySourceName() {
		return SecretImport.PREFIX + this.location;
	}

	boolean isOptionalResource() {
		return this.optionalResource;
	}

	/**
	 * The entry that imports a secret, for messages about that secret.
	 * @param secretId the secret id as reported (the entry's id, or a name under its prefix)
	 * @return the entry, or the whole location if no entry matches
	 */
	String describe(String secretId) {
		for (SecretImport entry : this.imports) {
			if (entry.namePrefix() ? secretId.startsWith(entry.id()) : secretId.equals(entry.id())) {
				return entry.toString();
			}
		}
		return toString();
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof SecretsConfigDataResource that && this.imports.equals(that.imports)
				&& this.optionalResource == that.optionalResource && this.disabled == that.disabled);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.imports, this.optionalResource, this.disabled);
	}

	@Override
	public String toString() {
		return getPropertySourceName();
	}

}
