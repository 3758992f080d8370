package dev.secretsstarter.autoconfigure;

/**
 * Thrown at start-up when a {@code secrets.*} property cannot work; names the property and the fix.
 * Never carries a credential or secret value. Reported at start-up by
 * {@link InvalidSecretsConfigurationFailureAnalyzer}.
 *
 * @author secrets-starter team
 */
public class InvalidSecretsConfigurationException extends RuntimeException {

	private final String property;

	private final String problem;

	private final String action;

	/**
	 * Create a new instance.
	 * @param property the property at fault, for example {@code secrets.endpoint}
	 * @param problem what is wrong with it (without its value if it could be a credential)
	 * @param action what the user should do about it
	 */
	public InvalidSecretsConfigurationException(String property, String problem, String action) {
		super("Invalid '" + property + "': " + problem + ". " + action);
		this.property = property;
		this.problem = problem;
		this.action = action;
	}

	/**
	 * The property at fault.
	 * @return the property name, for example {@code secrets.endpoint}
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * What is wrong with the property.
	 * @return the problem, never containing a credential
	 */
	public String getProblem() {
		return this.problem;
	}

	/**
	 * What the user should do about it.
	 * @return the fix
	 */
	public String getAction() {
		return this.action;
	}

}
